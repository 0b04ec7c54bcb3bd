import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeTransport, INFO, listRow, renderApp, SETTINGS } from './support';

const ALL = [
  listRow(1, 'C-1', 'Comercial Andina S.A.C.', 150_000, 50_000),
  listRow(2, 'C-2', 'Ferretería El Sol', 0),
  listRow(3, 'C-3', 'Inversiones Andinas', 20_000),
];

describe('client list', () => {
  it('searches as you type (debounced) and shows balances with overdue marked by a label too', async () => {
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.list': (input) => {
        const s = String(input.search ?? '').toLowerCase();
        const rows = ALL.filter((r) => r.name.toLowerCase().includes(s));
        return { rows, total: rows.length };
      },
    });
    const user = userEvent.setup();
    renderApp('#/clients');
    expect(await screen.findAllByTestId('client-row')).toHaveLength(3);
    expect(screen.getByText('3 clientes')).toBeInTheDocument();
    const andina = screen.getByRole('button', { name: 'C-1 Comercial Andina S.A.C.' });
    expect(andina).toHaveTextContent('S/ 1,500.00');
    expect(andina).toHaveTextContent('Vencida');

    await user.type(screen.getByRole('searchbox'), 'andin');
    await waitFor(() => expect(screen.getAllByTestId('client-row')).toHaveLength(2));
    // one request for the whole word, not one per keystroke
    const searches = api.callsOf('clients.list').map((c) => c.search);
    expect(searches).toContain('andin');
    expect(searches.filter((s) => s !== undefined && s !== 'andin')).toEqual([]);

    await user.type(screen.getByRole('searchbox'), 'zzz');
    expect(await screen.findByText('Ningún cliente coincide')).toBeInTheDocument();
  });

  it('loads only the first page of a long list', async () => {
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => ({ ...INFO, counts: { clients: 50_000, invoices: 1, payments: 0 } }),
      'clients.list': (input) => ({
        rows: Array.from({ length: input.limit as number }, (_, i) => listRow(i + 1 + (input.offset as number), `C-${i}`, `Cliente ${i}`)),
        total: 50_000,
      }),
    });
    renderApp('#/clients');
    await screen.findAllByTestId('client-row');
    expect(screen.getAllByTestId('client-row').length).toBeLessThan(60);
    expect(api.callsOf('clients.list').every((c) => c.offset === 0)).toBe(true);
  });
});
