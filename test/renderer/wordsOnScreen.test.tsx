import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clientDetail, fakeTransport, INFO, renderApp, SETTINGS } from './support';

describe('every value a user reads is in words', () => {
  it('interactions show channel, outcome and time in Spanish, never the stored codes or ISO instants', async () => {
    fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.list': () => ({ rows: [], total: 0 }),
      'clients.get': () => clientDetail(7),
      'invoices.listByClient': () => [],
      'payments.listByClient': () => [],
      'interactions.listByClient': () => [
        {
          id: 1,
          clientId: 7,
          contactId: null,
          occurredAt: '2026-11-02T15:30:00.000Z',
          channel: 'whatsapp',
          direction: 'outbound',
          outcome: 'no_answer',
          notes: null,
          nextAction: null,
          nextActionOn: null,
        },
        {
          id: 2,
          clientId: 7,
          contactId: null,
          occurredAt: '2026-11-03T15:30:00.000Z',
          channel: 'phone',
          direction: 'outbound',
          outcome: 'callback',
          notes: null,
          nextAction: null,
          nextActionOn: null,
        },
      ],
    });
    const user = userEvent.setup();
    renderApp('#/clients/7');
    await user.click(await screen.findByRole('tab', { name: /Gestiones|Interacciones/ }));
    const table = (await screen.findByText('No contestó')).closest('table')!;
    const text = table.textContent ?? '';
    expect(text).toContain('Teléfono');
    expect(text).toContain('Volver a llamar');
    for (const raw of ['whatsapp', 'phone', 'no_answer', 'callback', '2026-11-02', 'T15:30']) expect(text).not.toContain(raw);
    expect(text).toMatch(/nov/i);
  });

  it('the audit log names actions, people, fields and documents as the user knows them, no JSON', async () => {
    fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'backups.status': () => ({ folder: '/data/backups', isDefaultFolder: true, last: null, due: false, backups: [] }),
      'audit.list': () => ({
        rows: [
          {
            id: 3,
            at: '2026-11-20T11:00:00.000Z',
            entity: 'import',
            entityId: null,
            action: 'demo.load',
            before: null,
            after: { clients: 300, invoices: 5000 },
            reason: null,
            actor: 'user',
          },
          {
            id: 2,
            at: '2026-11-20T10:00:00.000Z',
            entity: 'payment',
            entityId: 5438,
            action: 'void',
            before: { id: 5438, date: '2026-11-02', amount: 50_000, currency: 'PEN', reference: 'OP-77', voidedAt: null },
            after: { id: 5438, date: '2026-11-02', amount: 50_000, currency: 'PEN', reference: 'OP-77', voidedAt: '2026-11-20T10:00:00.000Z' },
            reason: 'cheque rechazado',
            actor: 'user',
          },
          {
            id: 1,
            at: '2026-11-19T10:00:00.000Z',
            entity: 'invoice',
            entityId: 12,
            action: 'update',
            before: { series: 'F001', number: '9', dueDate: '2026-10-01', amount: 10_000, currency: 'PEN' },
            after: { series: 'F001', number: '9', dueDate: '2026-10-31', amount: 12_000, currency: 'PEN' },
            reason: null,
            actor: 'user',
          },
        ],
        total: 3,
      }),
    });
    renderApp('#/settings');
    const table = await screen.findByTestId('audit-table');
    const text = table.textContent ?? '';
    expect(within(table).getByText('datos de demostración cargados')).toBeInTheDocument();
    expect(within(table).getAllByText('Usted')).toHaveLength(3);
    expect(text).toContain('Clientes: 300');
    const flat = (table.textContent ?? '').replace(/\u00a0/g, ' ');
    expect(flat).toContain('Pago OP-77 del 02/11/2026, S/ 500.00');
    expect(flat).toContain('Comprobantes: 5,000');
    expect(flat).toContain('Comprobante F001-9');
    expect(flat).toContain('Vencimiento: 01/10/2026 → 31/10/2026');
    expect(flat).toContain('Importe: S/ 100.00 → S/ 120.00');
    for (const raw of ['demo.load', 'user', 'dueDate', 'voidedAt', '#5438', '{', '2026-10-31']) expect(text).not.toContain(raw);
  });
});
