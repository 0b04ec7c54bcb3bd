import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clientDetail, fakeTransport, INFO, renderApp, SETTINGS } from './support';

const invoice = (id: number, open: number) => ({
  id,
  clientId: 7,
  series: 'F001',
  number: String(id),
  issueDate: '2026-01-01',
  dueDate: '2026-01-31',
  currency: 'PEN',
  amount: 10_000,
  openAmount: open,
  description: null,
  receiptConfirmedOn: null,
  status: open ? 'overdue' : 'paid',
  voidedAt: null,
  voidReason: null,
  disputed: false,
});

describe('a key account with thousands of invoices', () => {
  it('asks for every open invoice and a first page of the rest, then the next page from what it holds', async () => {
    // open first, as the core orders them; the fake answers short pages so jsdom renders few rows
    const all = Array.from({ length: 450 }, (_, i) => invoice(i + 1, i < 230 ? 10_000 : 0));
    const SHORT = 4;
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.get': () => ({ ...clientDetail(7), invoiceCount: 450, openInvoiceCount: 230, paymentCount: 0 }),
      'invoices.listByClient': (i) => all.slice((i.offset as number) ?? 0, ((i.offset as number) ?? 0) + Math.min(SHORT, i.limit as number)),
      'payments.listByClient': () => [],
      'creditNotes.listByClient': () => [],
      'disputes.listByClient': () => [],
      'payments.methods': () => ({ builtin: [], custom: [] }),
    });
    renderApp('#/clients/7');
    expect(await screen.findByText('Mostrando 4 de 450')).toBeInTheDocument();
    expect(api.callsOf('invoices.listByClient')[0]).toEqual({ clientId: 7, limit: 230 });
    expect(api.callsOf('payments.listByClient')[0]).toEqual({ clientId: 7, limit: 200 });
    expect(within(screen.getByRole('tab', { name: /Facturas/ })).getByText('450')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Mostrar 200 más' }));
    expect(await screen.findByText('Mostrando 8 de 450')).toBeInTheDocument();
    expect(api.callsOf('invoices.listByClient')[1]).toEqual({ clientId: 7, limit: 200, offset: 4 });
  });
});
