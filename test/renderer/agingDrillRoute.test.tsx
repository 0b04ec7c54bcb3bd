import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { drillFromQuery, drillToQuery } from '../../renderer/features/aging/drillRoute';
import { clientDetail, fakeTransport, INFO, renderApp, SETTINGS } from './support';
import { detail, summary } from './agingFixtures';

function api() {
  return fakeTransport({
    'settings.get': () => SETTINGS,
    'system.info': () => INFO,
    'aging.summary': summary,
    // the second invoice has no series: it must read "000002", not "-000002"
    'aging.detail': (i) => {
      const d = detail(i, 2);
      return { ...d, rows: d.rows.map((r, k) => (k === 1 ? { ...r, series: '' } : r)) };
    },
    'clients.get': () => clientDetail(2),
  });
}

describe('aging drill-down as a route', () => {
  it('keeps the filter in the address, shows numbers without series as they are, and Back returns to it', async () => {
    const calls = api();
    const user = userEvent.setup();
    renderApp('#/aging');
    await screen.findByTestId('aging-table-PEN');
    await user.click(screen.getByRole('button', { name: 'Ver el comprobante de Ferretería El Sol en 120+ d' }));
    const rows = await screen.findAllByTestId('aging-detail-row');
    expect(window.location.hash).toMatch(/^#\/aging\/detail\?currency=PEN&client=C-2&bucket=5/);
    expect(rows[0]).toHaveTextContent('F001-000001');
    expect(rows[1]).toHaveTextContent('000002');
    expect(rows[1]).not.toHaveTextContent('-000002');

    await user.click(screen.getAllByRole('link', { name: 'Ferretería El Sol' })[0]!);
    await waitFor(() => expect(window.location.hash).toBe('#/clients/2'));
    window.history.back();
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/aging\/detail\?/));
    expect(await screen.findByTestId('aging-filters')).toHaveTextContent('Tramo: 120+ d');
    expect(calls.callsOf('aging.detail').at(-1)).toMatchObject({ clientCode: 'C-2', bucket: 5 });

    await user.click(screen.getByRole('button', { name: 'Volver al resumen' }));
    await waitFor(() => expect(window.location.hash).toBe('#/aging'));
    expect(await screen.findByTestId('aging-table-PEN')).toBeInTheDocument();
  });

  it('round-trips every kind of filter through the address, "no segment" included', () => {
    for (const f of [
      { currency: 'PEN' },
      { currency: 'USD', segment: null, bucket: 0 },
      { currency: 'PEN', segment: 'Retail / Lima', label: 'Retail / Lima' },
      { currency: 'PEN', clientCode: 'C&1', bucket: 3, label: 'C&1 · A=B' },
    ])
      expect(drillFromQuery(drillToQuery(f))).toEqual(f);
    expect(drillFromQuery('currency=pen')).toBeNull();
  });
});
