import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { bucketLabels, DEFAULT_BOUNDS } from '#shared/domain/aging';
import type { AgingDetailRow, AgingSummary, AgingTotalLine } from '#shared/domain/agingViews';
import { addMonths } from '#shared/domain/dates';
import { freshCore } from '../support/core';

/**
 * The aging summary is grouped in SQL, one line per client × currency with a sum per bucket (issue #6).
 * Here it must equal the same summary built in JS from the invoice-level detail rows, for every grouping,
 * drill-down filter, basis, custom bounds, and both paths (maintained balances today, rebuilt from events
 * on a past date).
 */

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function summaryOf(rows: AgingDetailRow[], by: AgingSummary['by'], n: number): Pick<AgingSummary, 'rows' | 'totals'> {
  const lines = new Map<string, AgingSummary['rows'][number]>();
  const totals = new Map<string, AgingTotalLine>();
  const blank = () => ({ buckets: new Array<number>(n).fill(0), counts: new Array<number>(n).fill(0), total: 0, count: 0 });
  for (const r of rows) {
    const key = by === 'client' ? r.clientCode : by === 'segment' ? (r.segment ?? '') : r.currency;
    const k = `${key}|${r.currency}`;
    if (!lines.has(k))
      lines.set(k, {
        key,
        label: by === 'client' ? r.clientName : key,
        clientId: by === 'client' ? r.clientId : null,
        segment: by === 'segment' && key !== '' ? key : null,
        currency: r.currency,
        ...blank(),
      });
    if (!totals.has(r.currency)) totals.set(r.currency, { currency: r.currency, ...blank() });
    for (const l of [lines.get(k)!, totals.get(r.currency)!]) {
      l.buckets[r.bucket]! += r.open;
      l.counts[r.bucket]! += 1;
      l.total += r.open;
      l.count += 1;
    }
  }
  return {
    rows: [...lines.values()].sort((a, b) => cmp(a.key, b.key) || cmp(a.currency, b.currency)),
    totals: [...totals.values()].sort((a, b) => cmp(a.currency, b.currency)),
  };
}

describe('aging summary grouped in SQL = the detail rows summed in JS', () => {
  let core: Core & { dir: string };
  const today = '2026-11-20';

  beforeAll(async () => {
    core = await freshCore({ today });
    await core.call('demo.load', { clients: 30, invoices: 1500, seed: 11 });
  });
  afterAll(async () => {
    await core.close();
    fs.rmSync(core.dir, { recursive: true, force: true });
  });

  it('for every grouping, filter, basis, bounds and as-of date', async () => {
    const clients = core.ctx.sqlite.prepare('SELECT code, segment FROM clients ORDER BY id').all() as { code: string; segment: string | null }[];
    const segment = clients.find((c) => c.segment)!.segment!;
    const filters = [
      {},
      { clientCode: clients[3]!.code },
      { clientCode: clients[3]!.code.toLowerCase() },
      { currency: 'USD' },
      { segment },
      { segment: null },
      { bucket: 0 },
      { bucket: 2, currency: 'PEN' },
      { clientCode: clients[5]!.code, bucket: 5 },
    ];
    let compared = 0;
    for (const asOf of [today, addMonths(today, -2), addMonths(today, -7), '2030-01-01'])
      for (const basis of ['due', 'issue'] as const)
        for (const bounds of [undefined, [15, 45]])
          for (const f of filters) {
            if (f.bucket !== undefined && f.bucket > (bounds ?? DEFAULT_BOUNDS).length) continue;
            const detail = await core.call('aging.detail', { asOf, basis, bounds, ...f, limit: 100_000 });
            for (const by of ['client', 'segment', 'currency'] as const) {
              const s = await core.call('aging.summary', { asOf, basis, bounds, by, ...f });
              const want = summaryOf(detail.rows, by, (bounds ?? DEFAULT_BOUNDS).length + 1);
              expect(s, JSON.stringify({ asOf, basis, bounds, by, f })).toEqual({
                asOf,
                basis,
                by,
                bounds: [...(bounds ?? DEFAULT_BOUNDS)],
                buckets: bucketLabels(bounds ?? DEFAULT_BOUNDS),
                ...want,
              });
              compared += s.rows.length;
            }
          }
    expect(compared).toBeGreaterThan(1000);
  });

  it('the public report is the by-client summary without counts', async () => {
    for (const asOf of [today, addMonths(today, -5)]) {
      const r = await core.call('aging.report', { asOf, basis: 'due' });
      const s = await core.call('aging.summary', { asOf, basis: 'due', by: 'client' });
      expect(r.clients).toEqual(s.rows.map((x) => ({ code: x.key, name: x.label, currency: x.currency, buckets: x.buckets, total: x.total })));
      expect(r.totals).toEqual(s.totals.map((t) => ({ currency: t.currency, buckets: t.buckets, total: t.total })));
      expect(r.clients.length).toBeGreaterThan(10);
    }
  });
});
