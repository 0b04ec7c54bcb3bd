import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientDetail, fakeTransport, INFO, listRow, renderApp, SETTINGS } from './support';

describe('figures that agree across screens', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T15:00:00'));
  });
  afterEach(() => vi.useRealTimers());

  function clientPage() {
    const balances = [
      { currency: 'PEN', open: 120_000, overdue: 55_000, credit: 0, maxDaysOverdue: 80, disputed: 65_000, postDated: [{ date: '2026-12-15', amount: 80_000 }] },
    ];
    const detail = { ...clientDetail(7, 120_000), balances };
    return fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.get': () => detail,
      'invoices.listByClient': () => [],
      'payments.listByClient': () => [],
      'creditNotes.listByClient': () => [],
      'disputes.listByClient': () => [],
      'payments.methods': () => ({ builtin: ['transfer', 'cheque'], custom: [] }),
    });
  }

  it('the balance card shows the disputed part and post-dated payments apart, with their date', async () => {
    clientPage();
    renderApp('#/clients/7');
    const card = within(await screen.findByTestId('balance-PEN'));
    expect(card.getByTestId('balance-open')).toHaveTextContent('S/ 1,200.00');
    expect(card.getByTestId('balance-disputed')).toHaveTextContent('En disputa');
    expect(card.getByTestId('balance-disputed')).toHaveTextContent('S/ 650.00');
    expect(card.getByTestId('balance-postdated')).toHaveTextContent('Posfechado: S/ 800.00 el 15/12/2026');
  });

  it('the payment form warns when the date is after today, and still lets it be recorded', async () => {
    clientPage();
    const user = userEvent.setup();
    renderApp('#/clients/7');
    await user.click(await screen.findByRole('button', { name: 'Registrar pago' }));
    const form = within(await screen.findByRole('form', { name: 'Registrar pago' }));
    expect(form.queryByTestId('postdated-warning')).toBeNull();
    await user.clear(form.getByLabelText(/Fecha/));
    await user.type(form.getByLabelText(/Fecha/), '2026-12-15');
    expect(form.getByTestId('postdated-warning')).toHaveTextContent('posterior a hoy (20/11/2026)');
    expect(form.getByTestId('postdated-warning')).toHaveTextContent('desde el 15/12/2026');
  });

  it('sorting by balance names its currency and lets the user pick another', async () => {
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.segments': () => [],
      'clients.list': (i) => ({
        rows: [listRow(1, 'C-1', 'Comercial Andina S.A.C.', 150_000)],
        total: 1,
        sortCurrency: i.sort === 'balance' ? (i.sortCurrency ?? 'PEN') : null,
      }),
    });
    const user = userEvent.setup();
    renderApp('#/clients');
    await screen.findByText('Comercial Andina S.A.C.');
    await user.click(screen.getByRole('button', { name: /^Saldo/ }));
    expect(await screen.findByRole('button', { name: 'Saldo (PEN)' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Ordenar saldos en'), 'USD');
    await waitFor(() => expect(api.callsOf('clients.list').at(-1)).toMatchObject({ sort: 'balance', sortCurrency: 'USD' }));
    expect(await screen.findByRole('button', { name: 'Saldo (USD)' })).toBeInTheDocument();
  });
});

describe('invoices screen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T15:00:00'));
  });
  afterEach(() => vi.restoreAllMocks());
  afterEach(() => vi.useRealTimers());

  it('shows days overdue and exports invoices and payments with the core export, as a download', async () => {
    const inv = {
      id: 1,
      clientId: 7,
      clientCode: 'C-7',
      clientName: 'Comercial Andina S.A.C.',
      series: 'F001',
      number: '1',
      issueDate: '2026-09-01',
      dueDate: '2026-10-01',
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
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'invoices.list': () => ({ rows: [inv, { ...inv, id: 2, number: '2', openAmount: 0, status: 'paid' }], total: 2 }),
      'exports.list': (i) => ({ fileName: `${String(i.kind)}.${String(i.format)}`, mime: 'text/csv', base64: btoa('x'), bytes: 1, rows: 1 }),
    });
    URL.createObjectURL = vi.fn(() => 'blob:cartera/1');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    renderApp('#/invoices');
    const days = await screen.findAllByTestId('days-overdue');
    expect(days.map((d) => d.textContent)).toEqual(['50', '—']);
    expect(screen.getByRole('button', { name: /Días de atraso/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Exportar' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Pagos (CSV)', hidden: true }));
    await waitFor(() => expect(api.callsOf('exports.list')).toMatchObject([{ kind: 'payments', from: '1900-01-01', to: '9999-12-31', format: 'csv' }]));
    await waitFor(() => expect(click).toHaveBeenCalled());
  });
});
