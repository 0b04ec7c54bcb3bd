import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueDates, planSchedule, type PlanTerms } from '#shared/domain/planSchedule';

const base: PlanTerms = {
  principal: 120_000,
  downPayment: 0,
  installments: 6,
  frequency: 'monthly',
  first: '2026-01-31',
  annualPct: 0,
  fees: 0,
  method: 'equal-installment',
};

const terms = fc
  .record({
    principal: fc.integer({ min: 1, max: 50_000_000_00 }),
    downShare: fc.double({ min: 0, max: 0.95, noNaN: true }),
    installments: fc.integer({ min: 1, max: 120 }),
    frequency: fc.constantFrom('weekly' as const, 'fortnightly' as const, 'monthly' as const),
    first: fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    annualBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 })), // percent × 10⁴, 0–100 %
    fees: fc.integer({ min: 0, max: 100_000 }),
    method: fc.constantFrom('equal-installment' as const, 'equal-principal' as const),
  })
  .map(({ downShare, annualBp, ...t }): PlanTerms => ({ ...t, downPayment: Math.floor(t.principal * downShare), annualPct: annualBp / 10_000 }))
  .filter((t) => t.principal - t.downPayment >= t.installments * 100); // at least one unit of 100 cents per instalment

describe('planSchedule (property)', () => {
  it('principal parts sum to the financed amount, instalments plus down payment to the total, dates increase, nothing is zero', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const r = planSchedule(t);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const s = r.schedule;
        const rows = s.installments;
        expect(rows).toHaveLength(t.installments);
        expect(rows.reduce((a, i) => a + i.principal, 0)).toBe(t.principal - t.downPayment);
        expect(rows.reduce((a, i) => a + i.amount, 0) + s.downPayment).toBe(s.total);
        expect(s.total).toBe(t.principal + s.interest + t.fees);
        for (let k = 1; k < rows.length; k++) expect(rows[k]!.due > rows[k - 1]!.due).toBe(true);
        for (const i of rows) {
          expect(i.amount).toBeGreaterThan(0);
          expect(i.principal).toBeGreaterThan(0);
          expect(Number.isSafeInteger(i.amount) && Number.isSafeInteger(i.interest)).toBe(true);
        }
        if (t.annualPct === 0) expect(s.interest).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('equal instalments are equal but for the last, which carries the rounding difference', () => {
    fc.assert(
      fc.property(
        terms.filter((t) => t.method === 'equal-installment' && t.installments > 2),
        (t) => {
          const r = planSchedule(t);
          if (!r.ok) throw new Error(r.error);
          const amounts = r.schedule.installments.map((i) => i.amount - i.fee);
          const regular = new Set(amounts.slice(0, -1));
          expect(regular.size).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('planSchedule (worked examples)', () => {
  it('French system: 10,000.00 at 12 % a year over 12 months is 888.49 a month, as in any loan table', () => {
    const r = planSchedule({ ...base, principal: 1_000_000, installments: 12, annualPct: 12 });
    if (!r.ok) throw new Error(r.error);
    const rows = r.schedule.installments;
    expect(rows[0]).toMatchObject({ n: 1, interest: 10_000, principal: 78_849, amount: 88_849 });
    expect(rows.slice(0, -1).every((i) => i.amount === 88_849)).toBe(true);
    expect(rows.reduce((a, i) => a + i.principal, 0)).toBe(1_000_000);
    expect(r.schedule.interest).toBe(rows.reduce((a, i) => a + i.interest, 0));
    expect(r.schedule.interest).toBeGreaterThan(66_100);
    expect(r.schedule.interest).toBeLessThan(66_300);
  });

  it('equal principal: P/n plus interest on the outstanding principal', () => {
    const r = planSchedule({ ...base, principal: 600_000, installments: 6, annualPct: 12, method: 'equal-principal' });
    if (!r.ok) throw new Error(r.error);
    expect(r.schedule.installments.map((i) => i.principal)).toEqual([100_000, 100_000, 100_000, 100_000, 100_000, 100_000]);
    expect(r.schedule.installments.map((i) => i.interest)).toEqual([6000, 5000, 4000, 3000, 2000, 1000]);
  });

  it('no interest: the rounding difference goes on the last instalment, never a zero one', () => {
    const r = planSchedule({ ...base, principal: 100_00, installments: 3 });
    if (!r.ok) throw new Error(r.error);
    expect(r.schedule.installments.map((i) => i.amount)).toEqual([3333, 3333, 3334]);
    const tiny = planSchedule({ ...base, principal: 6, installments: 4 });
    if (!tiny.ok) throw new Error(tiny.error);
    expect(tiny.schedule.installments.map((i) => i.amount)).toEqual([1, 1, 1, 3]);
  });

  it('fees are charged with the first instalment and stated apart; the down payment is not financed', () => {
    const r = planSchedule({ ...base, principal: 100_000, downPayment: 40_000, installments: 3, fees: 1_500 });
    if (!r.ok) throw new Error(r.error);
    expect(r.schedule.financed).toBe(60_000);
    expect(r.schedule.installments.map((i) => i.amount)).toEqual([21_500, 20_000, 20_000]);
    expect(r.schedule.total).toBe(101_500);
  });

  it('monthly dates never overflow: 31 Jan → 28/29 Feb → 31 Mar; weekly and fortnightly step by 7 and 14 days', () => {
    expect(dueDates('2026-01-31', 4, 'monthly')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(dueDates('2028-01-31', 2, 'monthly')).toEqual(['2028-01-31', '2028-02-29']);
    expect(dueDates('2026-12-28', 2, 'weekly')).toEqual(['2026-12-28', '2027-01-04']);
    expect(dueDates('2026-12-28', 2, 'fortnightly')).toEqual(['2026-12-28', '2027-01-11']);
  });

  it('refuses impossible terms', () => {
    expect(planSchedule({ ...base, installments: 0 })).toEqual({ ok: false, error: 'installments_range' });
    expect(planSchedule({ ...base, downPayment: 120_000 })).toEqual({ ok: false, error: 'down_payment_too_large' });
    expect(planSchedule({ ...base, annualPct: -1 })).toEqual({ ok: false, error: 'rate_range' });
    expect(planSchedule({ ...base, annualPct: 1000 })).toEqual({ ok: false, error: 'rate_range' });
    expect(planSchedule({ ...base, annualPct: 12.123456 })).toEqual({ ok: false, error: 'rate_precision' });
    expect(planSchedule({ ...base, principal: 3, installments: 4 })).toEqual({ ok: false, error: 'too_many_installments_for_amount' });
  });
});
