import { describe, expect, it } from 'vitest';
import {
  addWeighted,
  arTurnover,
  averageDaysDelinquent,
  badDebtRatio,
  bestPossibleDso,
  cei,
  dsoCountback,
  dsoSimple,
  monthsInPeriod,
  pct,
  promiseKept,
  promiseKeptRate,
  rollRate,
  round1,
} from '#shared/domain/kpis';

// Every worked example of shared/reference/kpis.md, to the decimal it is quoted with.
describe('KPI worked examples (kpis.md)', () => {
  it('DSO simple: AR 150,000; CS 1,800,000 over 365 days → 30.4', () => {
    expect(round1(dsoSimple(150_000, 1_800_000, 365)!)).toBe(30.4);
  });

  it('DSO countback, 30-day months: 30 + 30 + 32/70 × 30 = 73.7', () => {
    const r = dsoCountback(212_000, [
      { sales: 100_000, days: 30 },
      { sales: 80_000, days: 30 },
      { sales: 70_000, days: 30 },
    ]);
    expect(r.exhausted).toBe(false);
    expect(round1(r.days)).toBe(73.7);
    expect(r.days).toBeCloseTo(60 + (32 / 70) * 30, 10);
  });

  it('DSO countback, real month lengths 31, 28, 31 → 73.2', () => {
    const r = dsoCountback(212_000, [
      { sales: 100_000, days: 31 },
      { sales: 80_000, days: 28 },
      { sales: 70_000, days: 31 },
    ]);
    expect(round1(r.days)).toBe(73.2);
  });

  it('DSO countback flags a lower bound when the sales history runs out', () => {
    expect(dsoCountback(500, [{ sales: 100, days: 30 }])).toEqual({ days: 30, exhausted: true });
    expect(dsoCountback(0, [{ sales: 100, days: 30 }])).toEqual({ days: 0, exhausted: false });
  });

  it('Best possible DSO: current 4,000; CS 10,000 over 30 days → 12 (DSO 45)', () => {
    expect(round1(bestPossibleDso(4_000, 10_000, 30)!)).toBe(12);
    expect(round1(dsoSimple(15_000, 10_000, 30)!)).toBe(45);
  });

  it('ADD = DSO − BPDSO: 45 − 12 → 33', () => {
    expect(averageDaysDelinquent(dsoSimple(15_000, 10_000, 30), bestPossibleDso(4_000, 10_000, 30))).toBeCloseTo(33, 10);
    expect(averageDaysDelinquent(null, 12)).toBeNull();
  });

  it('ADD weighted: 1,000 at 10 days, 3,000 at 40 days → 32.5', () => {
    expect(
      addWeighted([
        { amount: 1_000, daysLate: 10 },
        { amount: 3_000, daysLate: 40 },
      ]),
    ).toBe(32.5);
    expect(addWeighted([])).toBeNull();
  });

  it('CEI: begin 6,200; CS 10,890 over 3 months; end 6,340; end current 3,590 → 3,490 / 6,240 = 55.9 %', () => {
    expect(round1(cei(6_200, 10_890, 3, 6_340, 3_590)!)).toBe(55.9);
    expect(cei(6_200, 10_890, 3, 6_340, 3_590)).toBeCloseTo((3_490 / 6_240) * 100, 10);
  });

  it('AR turnover: 3,600,000 / 360,000 → 10×, i.e. 36.5 days', () => {
    const t = arTurnover(3_600_000, 360_000, 360_000, 365)!;
    expect(t.times).toBe(10);
    expect(t.days).toBe(36.5);
  });

  it('% current and % over 90: 3,590 / 6,340 → 56.6 %; 50 / 6,340 → 0.8 %', () => {
    expect(round1(pct(3_590, 6_340)!)).toBe(56.6);
    expect(round1(pct(50, 6_340)!)).toBe(0.8);
    expect(pct(1, 0)).toBeNull();
  });

  it('Bad-debt ratio: 5,000 / 100,000 → 5 %', () => {
    expect(badDebtRatio(5_000, 100_000)).toBe(5);
  });

  it('Promise-kept rate: 28 of 40 → 70 % by count; 52,000 of 80,000 → 65 % by amount', () => {
    // 40 promises of 2,000 each: 28 kept in full (56,000 promised, 56,000 received)... the amount
    // example is its own book: 80,000 promised, 52,000 received.
    const byCount = Array.from({ length: 40 }, (_, i) => ({ amount: 2_000, received: i < 28 ? 2_000 : 0, kept: i < 28 }));
    expect(promiseKeptRate(byCount).byCount).toBe(70);
    const byAmount = [
      { amount: 50_000, received: 50_000, kept: true },
      { amount: 30_000, received: 2_000, kept: false },
    ];
    const r = promiseKeptRate(byAmount);
    expect(r.byAmount).toBe(65);
    expect(r.received).toBe(52_000);
    expect(promiseKeptRate([]).byCount).toBeNull();
  });

  it('Promise-kept: received beyond the promise never lifts the amount rate above 100 %', () => {
    expect(promiseKeptRate([{ amount: 100, received: 500, kept: true }]).byAmount).toBe(100);
    expect(promiseKept(100, 99, false)).toBe(false);
    expect(promiseKept(100, 40, true)).toBe(true);
  });

  it('Roll rate: 200,000 of 1,000,000 in 31–60 rolled to 61–90 → 20 %', () => {
    expect(rollRate(200_000, 1_000_000)).toBe(20);
  });
});

describe('helpers', () => {
  it('round1 rounds half away from zero', () => {
    expect(round1(0.05)).toBe(0.1);
    expect(round1(-0.05)).toBe(-0.1);
    expect(round1(73.71428)).toBe(73.7);
  });

  it('monthsInPeriod counts whole calendar months, else days / 30.44', () => {
    expect(monthsInPeriod('2026-01-01', '2026-03-31')).toBe(3);
    expect(monthsInPeriod('2026-02-01', '2026-02-28')).toBe(1);
    expect(monthsInPeriod('2025-12-01', '2026-11-30')).toBe(12);
    expect(monthsInPeriod('2026-01-15', '2026-02-14')).toBe(1.02); // 31 days
  });

  it('null when nothing was sold', () => {
    expect(dsoSimple(100, 0, 30)).toBeNull();
    expect(cei(0, 0, 1, 0, 0)).toBeNull();
  });
});
