import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from '../../renderer/app/locale';
import { lastMonthEnd } from '../../renderer/features/reports/periods';
import { detail, summary } from './agingFixtures';
import { fakeTransport, INFO, renderApp, SETTINGS } from './support';

const BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x7f]);
const base64 = btoa(String.fromCharCode(...BYTES));

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

function api(detailTotal = 2) {
  return fakeTransport({
    'settings.get': () => SETTINGS,
    'system.info': () => INFO,
    'aging.summary': summary,
    'aging.detail': (i) => detail(i, detailTotal),
    'exports.aging': (i) => ({ fileName: `aging.${String(i.format)}`, mime: 'application/octet-stream', base64, bytes: BYTES.length, rows: 4 }),
  });
}

describe('aging view', () => {
  let blobs: Blob[];
  beforeEach(() => {
    blobs = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:cartera/1';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows one table per currency with its own total, and refetches when date or basis change', async () => {
    const calls = api();
    const user = userEvent.setup();
    renderApp('#/aging');
    const pen = await screen.findByTestId('aging-table-PEN');
    const usd = screen.getByTestId('aging-table-USD');
    expect(within(pen).getByText('Total PEN')).toBeInTheDocument();
    expect(within(pen).queryByText('Import Miami LLC')).toBeNull();
    expect(within(usd).getByText('Import Miami LLC')).toBeInTheDocument();
    expect(calls.callsOf('aging.summary')[0]).toMatchObject({ asOf: todayIso(), basis: 'due', by: 'client' });

    await user.click(screen.getByRole('button', { name: 'Cierre del mes pasado' }));
    await waitFor(() => expect(calls.callsOf('aging.summary').at(-1)).toMatchObject({ asOf: lastMonthEnd(todayIso()) }));

    fireEvent.change(screen.getByLabelText('Al'), { target: { value: '2026-03-31' } });
    await waitFor(() => expect(calls.callsOf('aging.summary').at(-1)).toMatchObject({ asOf: '2026-03-31' }));

    await user.click(screen.getByRole('radio', { name: 'Emisión' }));
    await waitFor(() => expect(calls.callsOf('aging.summary').at(-1)).toMatchObject({ asOf: '2026-03-31', basis: 'issue' }));

    await user.click(screen.getByRole('radio', { name: 'Segmento' }));
    await waitFor(() => expect(calls.callsOf('aging.summary').at(-1)).toMatchObject({ by: 'segment', basis: 'issue' }));
  });

  it('drills down from a bucket cell to the invoices of that client, bucket and currency', async () => {
    const calls = api();
    const user = userEvent.setup();
    renderApp('#/aging');
    await screen.findByTestId('aging-table-PEN');
    await user.click(screen.getByRole('button', { name: 'Ver el comprobante de Ferretería El Sol en 120+ d' }));
    expect(await screen.findAllByTestId('aging-detail-row')).toHaveLength(2);
    expect(calls.callsOf('aging.detail')[0]).toMatchObject({ clientCode: 'C-2', currency: 'PEN', bucket: 5, sort: 'days', dir: 'desc', offset: 0 });
    const chips = screen.getByTestId('aging-filters');
    expect(chips).toHaveTextContent('Cliente: C-2 · Ferretería El Sol');
    expect(chips).toHaveTextContent('Tramo: 120+ d');

    await user.click(screen.getByRole('button', { name: 'Volver al resumen' }));
    await user.click(await screen.findByRole('button', { name: 'Ver los comprobantes de Comercial Andina S.A.C.' }));
    await waitFor(() => expect(calls.callsOf('aging.detail').at(-1)).toMatchObject({ clientCode: 'C-1', currency: 'PEN' }));
    expect(calls.callsOf('aging.detail').at(-1)).not.toHaveProperty('bucket');
  });

  it('pages a 100,000-row detail: only a screenful in the DOM, one page fetched', async () => {
    const calls = api(100_000);
    const user = userEvent.setup();
    renderApp('#/aging');
    await screen.findByTestId('aging-table-PEN');
    await user.click(screen.getByRole('button', { name: 'Ver los comprobantes de Ferretería El Sol' }));
    const rows = await screen.findAllByTestId('aging-detail-row');
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByRole('table', { name: 'Detalle de antigüedad' })).toHaveAttribute('aria-rowcount', '100000');
    expect(calls.callsOf('aging.detail').every((c) => c.limit === 500 && c.offset === 0)).toBe(true);
  });

  it('exports XLSX and saves exactly the bytes the core returned', async () => {
    const calls = api();
    const user = userEvent.setup();
    renderApp('#/aging');
    await screen.findByTestId('aging-table-PEN');
    await user.click(screen.getByRole('button', { name: 'Exportar' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Excel (.xlsx), resumen y detalle' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(calls.callsOf('exports.aging')[0]).toMatchObject({ format: 'xlsx', view: 'summary', asOf: todayIso(), basis: 'due', by: 'client' });
    expect(await blobBytes(blobs[0]!)).toEqual(BYTES);
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalled();
    expect(await screen.findByText('aging.xlsx guardado (4 filas).')).toBeInTheDocument();

    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Exportar' }));
    // the reopened dropdown is still in its enter transition (display: none) for jsdom's role query
    await user.click(await screen.findByRole('menuitem', { name: /CSV con ;/, hidden: true }));
    await waitFor(() => expect(calls.callsOf('exports.aging')).toHaveLength(2));
    expect(calls.callsOf('exports.aging')[1]).toMatchObject({ format: 'csv', delimiter: ';' });
  });

  it('takes custom buckets, refusing ones that do not increase, and keeps them for exports', async () => {
    const calls = api();
    const user = userEvent.setup();
    renderApp('#/aging');
    await screen.findByTestId('aging-table-PEN');
    const field = screen.getByLabelText(/Tramos/);
    await user.clear(field);
    await user.type(field, '30,10{Enter}');
    expect(screen.getByText('Días enteros crecientes, separados por comas.')).toBeInTheDocument();
    expect(calls.callsOf('aging.summary').some((c) => 'bounds' in c)).toBe(false);
    await user.clear(field);
    await user.type(field, '0,15,45{Enter}');
    await waitFor(() => expect(calls.callsOf('aging.summary').at(-1)).toMatchObject({ bounds: [0, 15, 45] }));
    await user.click(screen.getByRole('button', { name: 'Exportar' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Excel (.xlsx), resumen y detalle' }));
    await waitFor(() => expect(calls.callsOf('exports.aging').at(-1)).toMatchObject({ bounds: [0, 15, 45], format: 'xlsx' }));
  });
});
