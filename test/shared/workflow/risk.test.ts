import { describe, expect, it } from 'vitest';
import { overCreditLimit, riskScore, segmentFor, type RiskHistory } from '#shared/domain/workflow/riskScore';
import { priorityFactors, priorityScore } from '#shared/domain/workflow/priority';

const h = (over: Partial<RiskHistory> = {}): RiskHistory => ({
  hasHistory: true,
  avgDaysLate: 0,
  avgDaysLateRecent: null,
  avgDaysLateBefore: null,
  brokenPromises: 0,
  openDisputes: 0,
  exposure: 0,
  creditLimit: null,
  ...over,
});

describe('risk score', () => {
  it('is not rated without history', () => expect(riskScore(h({ hasHistory: false }))).toEqual({ rated: false, score: null, factors: [] }));

  it('lists each factor and the points add up to the score', () => {
    const r = riskScore(
      h({ avgDaysLate: 22.4, avgDaysLateRecent: 30, avgDaysLateBefore: 10, brokenPromises: 1, openDisputes: 1, exposure: 120, creditLimit: 100 }),
    );
    expect(r.factors).toEqual([
      { factor: 'days_late', points: 22 },
      { factor: 'trend', points: 10 },
      { factor: 'broken_promises', points: 10 },
      { factor: 'exposure', points: 10 },
      { factor: 'disputes', points: 5 },
    ]);
    expect(r.score).toBe(57);
  });

  it.each([
    [100, 100, 5],
    [81, 100, 5],
    [80, 100, 0],
    [101, 100, 10],
  ])('exposure %i against limit %i → %i points', (exposure, creditLimit, points) => {
    expect(riskScore(h({ exposure, creditLimit })).factors.find((f) => f.factor === 'exposure')!.points).toBe(points);
  });

  it('caps each factor', () => {
    expect(
      riskScore(h({ avgDaysLate: 400, avgDaysLateRecent: 200, avgDaysLateBefore: 0, brokenPromises: 9, openDisputes: 9, exposure: 9, creditLimit: 1 })).score,
    ).toBe(100);
  });
});

describe('segments A/B/C with editable thresholds, override wins', () => {
  it.each<[number | null, string | null]>([
    [0, 'A'],
    [30, 'A'],
    [31, 'B'],
    [60, 'B'],
    [61, 'C'],
    [null, null],
  ])('score %s → %s', (score, seg) => expect(segmentFor(score, { a: 30, b: 60 })).toBe(seg));
  it('override', () => expect(segmentFor(90, { a: 30, b: 60 }, 'A')).toBe('A'));
  it('thresholds move the borders', () => expect(segmentFor(31, { a: 40, b: 60 })).toBe('A'));
});

describe('credit limit warning', () => {
  it.each([
    [900, 100, 1000, false],
    [900, 101, 1000, true],
    [900, 1_000_000, null, false],
  ] as const)('open %i + new %i against %s → %s', (open, amount, limit, over) => expect(overCreditLimit(open, amount, limit)).toBe(over));
});

describe('priority score', () => {
  it('factors add up and are capped', () => {
    const i = { overdue: 250_000, currency: 'PEN', daysOverdue: 15, riskScore: 50, brokenPromises: 1, kind: 'call' };
    expect(priorityFactors(i)).toEqual([
      { factor: 'amount', points: 27 },
      { factor: 'days', points: 5 },
      { factor: 'risk', points: 10 },
      { factor: 'broken', points: 5 },
      { factor: 'kind', points: 0 },
    ]);
    expect(priorityScore(i)).toBe(47);
    expect(priorityScore({ overdue: 10 ** 14, currency: 'PEN', daysOverdue: 10_000, riskScore: 100, brokenPromises: 10, kind: 'broken_promise' })).toBe(110);
  });
});
