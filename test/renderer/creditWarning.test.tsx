import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clientDetail, fakeTransport, INFO, renderApp, SETTINGS } from './support';

// The core's answer is the one credit rule (open + new > limit); the fake answers by that rule for a client
// with 1,500.00 open and a limit of 2,000.00, so the form's part is what is tested: asking with the typed
// amount, showing the figures, and letting the clerk save anyway.
const OPEN = 150_000;
const LIMIT = 200_000;

function fakes() {
  return fakeTransport({
    'settings.get': () => SETTINGS,
    'system.info': () => INFO,
    'clients.list': () => ({ rows: [], total: 0 }),
    'clients.get': () => clientDetail(7, OPEN),
    'invoices.listByClient': () => [],
    'payments.listByClient': () => [],
    'creditNotes.listByClient': () => [],
    'disputes.listByClient': () => [],
    'payments.methods': () => ({ builtin: [], custom: [] }),
    'clients.creditCheck': (input) => ({ over: OPEN + (input.amount as number) > LIMIT, open: OPEN, limit: LIMIT }),
    'invoices.create': (input) => ({ id: 9, clientId: 7, series: '', ...input, openAmount: input.amount, status: 'open' }),
  });
}

describe('new invoice against the credit limit', () => {
  it('warns while typing an amount that goes over the limit, says by how much, and still saves', async () => {
    const api = fakes();
    const user = userEvent.setup();
    renderApp('#/clients/7');
    await user.click(await screen.findByRole('button', { name: 'Nueva factura' }));
    const form = within(await screen.findByRole('form', { name: 'Nueva factura' }));
    await user.type(form.getByLabelText(/Número/), 'F-900');

    await user.type(form.getByLabelText(/Importe/), '400,00');
    await waitFor(() => expect(api.callsOf('clients.creditCheck').at(-1)).toEqual({ clientId: 7, amount: 40_000, currency: 'PEN' }));
    expect(form.queryByText('Supera la línea de crédito')).not.toBeInTheDocument();

    await user.clear(form.getByLabelText(/Importe/));
    await user.type(form.getByLabelText(/Importe/), '600,00');
    const warning = await form.findByRole('status');
    expect(warning).toHaveTextContent('Supera la línea de crédito');
    expect(warning).toHaveTextContent(/1,500\.00.*600\.00.*2,000\.00/);

    await user.click(form.getByRole('button', { name: /Guardar/ }));
    await waitFor(() => expect(api.callsOf('invoices.create')).toHaveLength(1));
    expect(api.callsOf('invoices.create')[0]).toMatchObject({ number: 'F-900', amount: 60_000, currency: 'PEN' });
  });
});
