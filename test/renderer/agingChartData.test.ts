import { describe, expect, it } from 'vitest';
import type { AgingSummary, AgingSummaryRow } from '#shared/domain/agingViews';
import { bucketColors, largestBalances, tooltipLines } from '../../renderer/features/aging/chartData';

function row(key: string, buckets: number[], currency = 'PEN'): AgingSummaryRow {
  return {
    key,
    label: `Client ${key}`,
    clientId: 1,
    segment: null,
    currency,
    buckets,
    total: buckets.reduce((a, b) => a + b, 0),
    counts: buckets.map(() => 1),
  } as unknown as AgingSummaryRow;
}

function summary(rows: AgingSummaryRow[]): AgingSummary {
  return { asOf: '2026-10-31', basis: 'due', by: 'client', bounds: [0, 30], buckets: ['current', '1-30', '30+'], totals: [], rows };
}

describe('aging chart data', () => {
  it('draws the largest balances biggest first and keeps the rest out of the bars, summed apart', () => {
    // 300 small clients and a few big ones, listed by key as the summary sends them
    const rows = Array.from({ length: 300 }, (_, i) => row(`C${String(i).padStart(3, '0')}`, [100, 0, i]));
    rows.push(row('Z1', [0, 0, 900_000]), row('Z2', [500_000, 10, 0]), row('Z3', [0, 0, 0]), row('Z4', [1, 2, 3], 'USD'));
    const d = largestBalances(summary(rows), 'PEN', (r) => r.label, 8);
    expect(d.bars.map((b) => b.row.key)).toEqual(['Z1', 'Z2', 'C299', 'C298', 'C297', 'C296', 'C295', 'C294']);
    expect(d.bars.every((b, i) => i === 0 || (d.bars[i - 1]?.row.total ?? 0) >= b.row.total)).toBe(true);
    expect(d.bars.some((b) => b.name.startsWith('Other'))).toBe(false);
    const drawn = new Set(d.bars.map((b) => b.row.key));
    const restTotal = rows.filter((r) => r.currency === 'PEN' && !drawn.has(r.key)).reduce((s, r) => s + r.total, 0);
    expect(d.rest).toEqual({ count: 294, total: restTotal }); // Z3 owes nothing: neither drawn nor counted
    expect(d.bars[1]).toMatchObject({ b0: 500_000, b1: 10, b2: 0 });
  });

  it('has no rest when every group is drawn', () => {
    expect(largestBalances(summary([row('A', [1, 2, 3])]), 'PEN', (r) => r.label).rest).toBeNull();
  });

  it('gives every bucket its own colour, however many buckets there are', () => {
    for (let n = 1; n <= 16; n++) expect(new Set(bucketColors(n)).size).toBe(n);
    expect(bucketColors(6)[0]).toBe('#12b886');
  });

  it('lists a bar’s buckets in bucket order and leaves zeros out', () => {
    const r = row('A', [0, 500, 0, 200, 0, 300]);
    expect(tooltipLines(r, ['current', '1-30', '31-60', '61-90', '91-120', '120+'])).toEqual([
      { bucket: 1, label: '1-30', amount: 500 },
      { bucket: 3, label: '61-90', amount: 200 },
      { bucket: 5, label: '120+', amount: 300 },
    ]);
  });
});
