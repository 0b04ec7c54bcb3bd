import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientDetail, fakeTransport, INFO, renderApp, SETTINGS } from './support';

function invoice(id: number, number: string, dueDate: string, openAmount: number, currency = 'PEN') {
  return {
    id,
    clientId: 7,
    series: 'F001',
    number,
    issueDate: '2026-09-01',
    dueDate,
    currency,
    amount: openAmount,
    openAmount,
    description: null,
    receiptConfirmedOn: null,
    status: 'open',
    voidedAt: null,
    voidReason: null,
    disputed: false,
  };
}

const INVOICES = [invoice(2, '2', '2026-11-30', 50_000), invoice(1, '1', '2026-10-15', 100_000), invoice(3, '3', '2026-10-01', 80_000, 'USD')];

describe('record payment with explicit allocations', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T15:00:00'));
  });
  afterEach(() => vi.useRealTimers());

  function fakes() {
    return fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.list': () => ({ rows: [], total: 0 }),
      'clients.get': () => clientDetail(7, 150_000),
      'invoices.listByClient': () => INVOICES,
      'payments.listByClient': () => [],
      'creditNotes.listByClient': () => [],
      'disputes.listByClient': () => [],
      'payments.methods': () => ({ builtin: ['transfer', 'cash', 'yape'], custom: ['Billetera Lima'] }),
      'payments.record': (input) => ({ id: 1, clientId: 7, ...input, unapplied: 0, allocations: [], voidedAt: null, voidReason: null }),
    });
  }

  it('lists open invoices of the currency oldest first, checks each amount, shows the credit and sends the allocations', async () => {
    const api = fakes();
    const user = userEvent.setup();
    renderApp('#/clients/7');
    await user.click(await screen.findByRole('button', { name: 'Registrar pago' }));
    const form = within(await screen.findByRole('form', { name: 'Registrar pago' }));
    await user.type(form.getByLabelText(/Importe/), '1.200,00');
    // automatic: 1,200.00 against 1,500.00 open leaves no credit, so none is announced
    expect(form.getByTestId('allocation-credit')).not.toHaveTextContent('Queda como saldo');

    await user.click(form.getByText('Las facturas que elija'));
    const rows = form.getAllByTestId('allocation-row');
    expect(rows[0]).toHaveTextContent('F001-1');
    expect(rows[1]).toHaveTextContent('F001-2');
    expect(rows).toHaveLength(2); // the USD invoice is not offered for a PEN payment

    await user.type(form.getByLabelText('Aplicar a F001-2'), '600');
    expect(form.getByText('Más que lo pendiente: S/ 500.00.')).toBeInTheDocument();
    expect(form.getByLabelText('Aplicar a F001-2')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(form.getByLabelText('Aplicar a F001-2'));
    await user.type(form.getByLabelText('Aplicar a F001-2'), '300');
    expect(form.getByTestId('allocation-credit')).toHaveTextContent('Queda como saldo a favor del cliente: S/ 900.00');
    await user.click(within(rows[0]!).getByRole('button', { name: 'Completar' }));
    expect(form.getByLabelText('Aplicar a F001-1')).toHaveValue('900.00');
    expect(form.getByTestId('allocation-credit')).toHaveTextContent('S/ 0.00');

    // the user's own methods are offered after the built-in ones
    await user.selectOptions(form.getByLabelText('Medio de pago'), 'Billetera Lima');

    await user.click(form.getByRole('button', { name: 'Registrar pago' }));
    await waitFor(() => expect(api.callsOf('payments.record')).toHaveLength(1));
    expect(api.callsOf('payments.record')[0]).toEqual({
      clientId: 7,
      date: '2026-11-20',
      amount: 120_000,
      currency: 'PEN',
      method: 'Billetera Lima',
      reference: null,
      allocations: [
        { invoiceId: 1, amount: 90_000 },
        { invoiceId: 2, amount: 30_000 },
      ],
    });
  });

  it('refuses allocations adding up to more than the payment', async () => {
    const api = fakes();
    const user = userEvent.setup();
    renderApp('#/clients/7');
    await user.click(await screen.findByRole('button', { name: 'Registrar pago' }));
    const form = within(await screen.findByRole('form', { name: 'Registrar pago' }));
    await user.type(form.getByLabelText(/Importe/), '100');
    await user.click(form.getByText('Las facturas que elija'));
    await user.type(form.getByLabelText('Aplicar a F001-1'), '150');
    expect(form.getByTestId('allocation-credit')).toHaveTextContent('Las facturas suman S/ 50.00 más que el pago.');
    await user.click(form.getByRole('button', { name: 'Registrar pago' }));
    expect(api.callsOf('payments.record')).toHaveLength(0);
  });
});
