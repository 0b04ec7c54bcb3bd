import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { riskOf, type RiskInput } from '#shared/domain/risk';

const b = (open: number, overdue: number, maxDaysOverdue: number): RiskInput => ({ open, overdue, maxDaysOverdue });

describe('client risk', () => {
  it('grades by how late and how much of the balance is late', () => {
    expect(riskOf([])).toBe('none');
    expect(riskOf([b(0, 0, 0)])).toBe('none');
    expect(riskOf([b(1000, 0, 0)])).toBe('low');
    expect(riskOf([b(1000, 100, 20)])).toBe('low');
    expect(riskOf([b(1000, 500, 10)])).toBe('medium'); // half of it late
    expect(riskOf([b(1000, 100, 45)])).toBe('medium'); // over a month late
    expect(riskOf([b(1000, 600, 75)])).toBe('high'); // over two months, most of it late
    expect(riskOf([b(1000, 100, 75)])).toBe('medium');
    expect(riskOf([b(1000, 10, 120)])).toBe('high'); // anything past 90 days
  });

  it('takes the worst currency, whatever the amounts in the others', () => {
    expect(riskOf([b(9_000_000, 0, 0), b(100, 100, 95)])).toBe('high');
  });

  it('never lowers when a balance gets later or a larger share falls due', () => {
    const arb = fc.record({
      open: fc.integer({ min: 1, max: 1e9 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      days: fc.integer({ min: 0, max: 400 }),
    });
    const rank = ['none', 'low', 'medium', 'high'];
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (x, moreDays, moreShare) => {
        const overdue = Math.round(x.open * x.share);
        const base = riskOf([b(x.open, overdue, overdue > 0 ? x.days : 0)]);
        const laterOverdue = Math.min(x.open, overdue + Math.round((x.open - overdue) * moreShare));
        const worse = riskOf([b(x.open, laterOverdue, laterOverdue > 0 ? Math.max(x.days, 1) + moreDays : 0)]);
        expect(rank.indexOf(worse)).toBeGreaterThanOrEqual(rank.indexOf(base));
      }),
    );
  });
});
