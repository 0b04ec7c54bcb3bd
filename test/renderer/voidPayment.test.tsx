import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clientDetail, fakeTransport, INFO, renderApp, SETTINGS } from './support';

const PAYMENT = {
  id: 31,
  clientId: 7,
  date: '2026-11-02',
  amount: 50_000,
  currency: 'PEN',
  method: 'yape',
  reference: 'OP-1',
  unapplied: 0,
  allocations: [{ id: 1, invoiceId: 4, invoiceNumber: 'F001-9', amount: 50_000, date: '2026-11-02' }],
  voidedAt: null,
  voidReason: null,
};

describe('void payment', () => {
  it('asks for a reason in a confirmation dialog, then voids and reloads', async () => {
    let voided = false;
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.list': () => ({ rows: [], total: 0 }),
      'clients.get': () => clientDetail(7, voided ? 150_000 : 100_000),
      'invoices.listByClient': () => [],
      'payments.listByClient': () => [voided ? { ...PAYMENT, voidedAt: '2026-11-20T12:00:00Z', voidReason: 'cheque rechazado' } : PAYMENT],
      'payments.void': () => {
        voided = true;
        return PAYMENT;
      },
    });
    const user = userEvent.setup();
    renderApp('#/clients/7');
    await user.click(await screen.findByRole('tab', { name: /Pagos/ }));
    const row = await screen.findByTestId('payment-row');
    expect(row).toHaveTextContent('Yape');
    expect(row).toHaveTextContent('F001-9');
    await user.click(within(row).getByRole('button', { name: 'Anular' }));

    const dialog = within(await screen.findByRole('dialog', { name: 'Anular pago' }));
    expect(dialog.getByText(/S\/ 500\.00 del 02\/11\/2026/)).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Anular' }));
    expect(dialog.getByLabelText(/Motivo/)).toHaveAccessibleDescription(/Este campo es obligatorio\./);
    expect(api.callsOf('payments.void')).toHaveLength(0);

    await user.type(dialog.getByLabelText(/Motivo/), 'cheque rechazado');
    await user.click(dialog.getByRole('button', { name: 'Anular' }));
    await waitFor(() => expect(api.callsOf('payments.void')).toEqual([{ id: 31, reason: 'cheque rechazado' }]));
    expect(await screen.findByText('S/ 1,500.00')).toBeInTheDocument();
    expect(within(screen.getByTestId('payment-row')).getByText(/Anulado/)).toBeInTheDocument();
  });
});
