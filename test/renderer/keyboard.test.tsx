import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { clientDetail, fakeTransport, INFO, listRow, renderApp, SETTINGS } from './support';

const ALL = [
  listRow(1, 'C-1', 'Comercial Andina S.A.C.', 150_000, 50_000),
  listRow(2, 'C-2', 'Ferretería El Sol', 0),
  listRow(3, 'C-3', 'Inversiones Andinas', 20_000),
];

function api() {
  return fakeTransport({
    'settings.get': () => SETTINGS,
    'system.info': () => INFO,
    'clients.list': (input) => {
      const s = String(input.search ?? '').toLowerCase();
      const rows = ALL.filter((r) => r.name.toLowerCase().includes(s));
      return { rows, total: rows.length };
    },
    'clients.get': () => clientDetail(7),
    'invoices.listByClient': () => [],
    'payments.listByClient': () => [],
    'payments.methods': () => ({ builtin: ['transfer', 'cash'], custom: [] }),
  });
}

describe('keyboard', () => {
  it('↓ or Enter in the search box moves into the results, ↑ ↓ between them, Enter opens', async () => {
    api();
    const user = userEvent.setup();
    renderApp('#/clients');
    await screen.findAllByTestId('client-row');
    await user.keyboard('/');
    const search = screen.getByRole('searchbox');
    expect(search).toHaveFocus();
    await user.type(search, 'andin');
    await waitFor(() => expect(screen.getAllByTestId('client-row')).toHaveLength(2));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'C-1 Comercial Andina S.A.C.' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'C-3 Inversiones Andinas' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(search).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'C-1 Comercial Andina S.A.C.' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/clients/1'));
  });

  it('"p" records a payment on the client page, but "g p" still goes to Plans', async () => {
    api();
    const user = userEvent.setup();
    renderApp('#/clients/7');
    await screen.findByRole('button', { name: /Registrar pago/ });
    await user.keyboard('p');
    expect(await screen.findByRole('dialog', { name: /Registrar pago/ })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.keyboard('gp');
    await waitFor(() => expect(window.location.hash).toBe('#/plans'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('"?" lists the shortcuts', async () => {
    api();
    const user = userEvent.setup();
    renderApp('#/clients');
    await screen.findAllByTestId('client-row');
    await user.keyboard('?');
    const list = await screen.findByTestId('shortcut-list');
    expect(within(list).getByText('Registrar un pago (en la ficha de un cliente)')).toBeInTheDocument();
    expect(within(list).getByText('Ir a Clientes')).toBeInTheDocument();
    expect(within(list).getByText('Esta lista')).toBeInTheDocument();
  });
});
