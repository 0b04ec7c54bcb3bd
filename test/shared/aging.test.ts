import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketIndex, bucketLabels, buildAgingReport, DEFAULT_BOUNDS, type OpenItem } from '#shared/domain/aging';

describe('aging buckets', () => {
  it('puts not-yet-due and due-today in current, then 1–30 … 120+', () => {
    expect(bucketLabels()).toEqual(['current', '1-30', '31-60', '61-90', '91-120', '120+']);
    const at = (d: number) => bucketIndex(d, DEFAULT_BOUNDS);
    expect([at(-10), at(0), at(1), at(30), at(31), at(60), at(61), at(90), at(91), at(120), at(121), at(5000)]).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  const item = fc.record({
    clientCode: fc.constantFrom('C1', 'C2', 'C10', 'A7'),
    clientName: fc.constant('X'),
    segment: fc.constant(null),
    currency: fc.constantFrom('PEN', 'USD', 'CLP'),
    days: fc.integer({ min: -60, max: 400 }),
    open: fc.integer({ min: 0, max: 10_000_000 }),
  }) as fc.Arbitrary<OpenItem>;

  it('buckets sum to totals, totals equal the open balances per currency, and lines are sorted', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const r = buildAgingReport('2026-10-31', items);
        for (const line of [...r.totals, ...r.clients]) {
          expect(line.buckets.reduce((a, b) => a + b, 0)).toBe(line.total);
          expect(line.total).not.toBe(0);
        }
        for (const t of r.totals) {
          expect(t.total).toBe(items.filter((i) => i.currency === t.currency).reduce((a, i) => a + i.open, 0));
          expect(r.clients.filter((c) => c.currency === t.currency).reduce((a, c) => a + c.total, 0)).toBe(t.total);
        }
        const currencies = r.totals.map((t) => t.currency);
        expect(currencies).toEqual([...currencies].sort());
        const keys = r.clients.map((c) => [c.code, c.currency]);
        expect(keys).toEqual([...keys].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0)));
      }),
    );
  });
});
