import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientDetail, fakeTransport, INFO, renderApp, SETTINGS } from './support';

describe('record payment', () => {
  beforeEach(() => {
    // only Date: Mantine's and user-event's timers keep running for real
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T15:00:00'));
  });
  afterEach(() => vi.useRealTimers());

  function fakes() {
    let open = 150_000;
    return fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.list': () => ({ rows: [], total: 0 }),
      'clients.get': () => clientDetail(7, open),
      'invoices.listByClient': () => [],
      'payments.listByClient': () => [],
      'payments.record': (input) => {
        open -= input.amount as number;
        return { id: 1, clientId: 7, ...input, unapplied: 0, allocations: [], voidedAt: null, voidReason: null };
      },
    });
  }

  async function typeAmount(text: string) {
    const user = userEvent.setup();
    renderApp('#/clients/7');
    await user.click(await screen.findByRole('button', { name: 'Registrar pago' }));
    const form = within(await screen.findByRole('form', { name: 'Registrar pago' }));
    await user.type(form.getByLabelText(/Importe/), text);
    return { user, form };
  }

  it('parses "1.234,56" typed in Spanish into 123456 cents, defaults the date to today, then refetches', async () => {
    const api = fakes();
    const { user, form } = await typeAmount('1.234,56');
    expect(form.getByLabelText(/Fecha/)).toHaveValue('2026-11-20');
    // the amount as understood is shown before saving
    expect(form.getByText('S/ 1,234.56')).toBeInTheDocument();
    await user.click(form.getByRole('button', { name: 'Registrar pago' }));
    await waitFor(() => expect(api.callsOf('payments.record')).toHaveLength(1));
    expect(api.callsOf('payments.record')[0]).toEqual({
      clientId: 7,
      date: '2026-11-20',
      amount: 123_456,
      currency: 'PEN',
      method: 'transfer',
      reference: null,
    });
    // after the write the page reloads from the core: 1,500.00 − 1,234.56
    expect(await screen.findByText('S/ 265.44')).toBeInTheDocument();
    expect(api.callsOf('clients.get').length).toBeGreaterThanOrEqual(2);
  });

  it('reads "1,234.56" the same way and rejects text that is not an amount', async () => {
    const api = fakes();
    const { user, form } = await typeAmount('doce');
    await user.click(form.getByRole('button', { name: 'Registrar pago' }));
    expect(form.getByLabelText(/Importe/)).toHaveAccessibleDescription('No es un importe válido.');
    await user.clear(form.getByLabelText(/Importe/));
    await user.type(form.getByLabelText(/Importe/), '1,234.56');
    await user.click(form.getByRole('button', { name: 'Registrar pago' }));
    await waitFor(() => expect(api.callsOf('payments.record')[0]).toMatchObject({ amount: 123_456 }));
  });

  // issue 9, item 7: both decimal marks when the text settles it, a refusal that shows the reading otherwise
  it('accepts "250,50" in es-PE and refuses "0,001" and "1,23,4", saying how they read', async () => {
    const api = fakes();
    const { user, form } = await typeAmount('0,001');
    await user.click(form.getByRole('button', { name: 'Registrar pago' }));
    expect(form.getByLabelText(/Importe/)).toHaveAccessibleDescription('"0,001" se leería como 0.001, pero PEN tiene 2 decimales.');
    await user.clear(form.getByLabelText(/Importe/));
    await user.type(form.getByLabelText(/Importe/), '1,23,4');
    await user.click(form.getByRole('button', { name: 'Registrar pago' }));
    expect(form.getByLabelText(/Importe/)).toHaveAccessibleDescription(/^"1,23,4" no es un importe: los miles van en grupos de tres/);
    expect(api.callsOf('payments.record')).toHaveLength(0);
    await user.clear(form.getByLabelText(/Importe/));
    await user.type(form.getByLabelText(/Importe/), '250,50');
    await user.click(form.getByRole('button', { name: 'Registrar pago' }));
    await waitFor(() => expect(api.callsOf('payments.record')[0]).toMatchObject({ amount: 25_050 }));
  });
});
