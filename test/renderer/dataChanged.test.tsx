import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgingSummary } from '#shared/domain/agingViews';
import { call } from '../../renderer/api/client';
import { summary } from './agingFixtures';
import { fakeTransport, INFO, listRow, renderApp, SETTINGS } from './support';

/** A book that is empty until `imported` flips: what the core answers before and after an import. */
function book() {
  const state = { imported: false };
  const empty = (i: Record<string, unknown>): AgingSummary => ({ ...summary(i), totals: [], rows: [] });
  const api = fakeTransport({
    'settings.get': () => SETTINGS,
    'system.info': () => INFO,
    'aging.summary': (i) => (state.imported ? summary(i) : empty(i)),
    'clients.list': () => (state.imported ? { rows: [listRow(1, 'C-1', 'Comercial Andina S.A.C.', 150_000)], total: 1 } : { rows: [], total: 0 }),
    'clients.segments': () => [],
    'imports.run': () => {
      state.imported = true;
      return { kind: 'invoices', created: 4, updated: 0, rejected: [] };
    },
    'payments.record': () => ({ id: 1 }),
    'aging.report': () => ({}),
  });
  return { state, api };
}

describe('every open view follows every write', () => {
  it('the aging screen shows imported figures without a reload', async () => {
    const { api } = book();
    renderApp('#/aging');
    expect(await screen.findByText('No hay deuda a esta fecha')).toBeInTheDocument();
    // the write comes from elsewhere (the import wizard, the demo, another window's form)
    await act(() => call('imports.run', { kind: 'invoices', fileName: 'f.csv', base64: '', mapping: {} } as never));
    expect(await screen.findByTestId('aging-table-PEN')).toBeInTheDocument();
    expect(screen.queryByText('No hay deuda a esta fecha')).toBeNull();
    expect(api.callsOf('aging.summary').length).toBe(2);
  });

  it('the client list refetches after a payment recorded anywhere, and reads never trigger it', async () => {
    const { state, api } = book();
    renderApp('#/clients');
    await waitFor(() => expect(api.callsOf('clients.list').length).toBe(1));
    await act(() => call('aging.report', { asOf: '2026-01-01' } as never));
    await new Promise((r) => setTimeout(r, 5));
    expect(api.callsOf('clients.list').length).toBe(1);
    state.imported = true;
    await act(() => call('payments.record', {} as never));
    expect(await screen.findByText('Comercial Andina S.A.C.')).toBeInTheDocument();
    expect(api.callsOf('clients.list').length).toBe(2);
    // a view never opened is not fetched behind the user's back
    expect(api.callsOf('invoices.list').length).toBe(0);
  });
});
