import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clientDetail, fakeTransport, INFO, renderApp, SETTINGS } from './support';

function row(id: number) {
  return {
    id,
    clientId: 7,
    clientCode: 'C-7',
    clientName: 'Comercial Andina S.A.C.',
    series: 'F001',
    number: String(id),
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    currency: 'PEN',
    amount: 10_000,
    openAmount: 10_000,
    description: null,
    receiptConfirmedOn: null,
    status: 'overdue',
    voidedAt: null,
    voidReason: null,
    disputed: false,
  };
}

describe('invoices area', () => {
  it('filters, sorts and pages through invoices.list, and a row opens its client', async () => {
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'invoices.list': (input) => ({ rows: Array.from({ length: 3 }, (_, i) => row(i + 1 + (input.offset as number))), total: 250 }),
      'clients.get': () => clientDetail(7),
      'invoices.listByClient': () => [],
      'payments.listByClient': () => [],
      'creditNotes.listByClient': () => [],
      'disputes.listByClient': () => [],
      'payments.methods': () => ({ builtin: [], custom: [] }),
    });
    const user = userEvent.setup();
    renderApp('#/invoices');
    expect(await screen.findAllByTestId('all-invoice-row')).toHaveLength(3);
    expect(screen.getByText('250 facturas')).toBeInTheDocument();
    const last = () => api.callsOf('invoices.list').at(-1)!;
    // the most overdue first
    expect(last()).toEqual({ sort: 'daysOverdue', dir: 'desc', limit: 100, offset: 0 });

    await user.selectOptions(screen.getByLabelText('Estado'), 'unpaid');
    await waitFor(() => expect(last()).toMatchObject({ status: 'unpaid', offset: 0 }));
    await user.selectOptions(screen.getByLabelText('Moneda'), 'PEN');
    await user.type(screen.getByLabelText('Emitidas desde'), '2026-10-01');
    await waitFor(() => expect(last()).toMatchObject({ status: 'unpaid', currency: 'PEN', issuedFrom: '2026-10-01' }));
    await user.type(screen.getByRole('searchbox'), 'andina');
    await waitFor(() => expect(last()).toMatchObject({ search: 'andina' }));

    await user.click(screen.getByRole('button', { name: /Importe/ }));
    await waitFor(() => expect(last()).toMatchObject({ sort: 'amount', dir: 'asc' }));
    await user.click(screen.getByRole('button', { name: /Importe/ }));
    await waitFor(() => expect(last()).toMatchObject({ sort: 'amount', dir: 'desc' }));

    await user.click(screen.getByRole('button', { name: '3' }));
    await waitFor(() => expect(last()).toMatchObject({ offset: 200, search: 'andina', sort: 'amount' }));
    expect(await screen.findByText('201–250 de 250')).toBeInTheDocument();

    const first = screen.getAllByTestId('all-invoice-row')[0]!;
    await user.click(within(first).getByRole('link'));
    expect(await screen.findByRole('heading', { name: 'Comercial Andina S.A.C.' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/clients/7');
  });
});
