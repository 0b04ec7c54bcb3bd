import type { Segment } from './policy';

/**
 * The client's collection risk score, 0–100 (higher = riskier), from its history. Explainable: each
 * factor has its points and the points add up to the score.
 * - days_late: amount-weighted average days late of invoices settled in the last 12 months, 1 point a day, max 40
 * - trend: how much later the last 90 days were than the 9 months before, 1 point per 2 days, max 15
 * - broken_promises: in the last 12 months, 10 each, max 25
 * - exposure: open balance over the credit limit 10, over 80 % of it 5
 * - disputes: open disputes, 5 each, max 10
 * "Not rated" without any payment or settled invoice: there is nothing to judge yet.
 */
export type RiskHistory = {
  hasHistory: boolean;
  avgDaysLate: number | null;
  avgDaysLateRecent: number | null;
  avgDaysLateBefore: number | null;
  brokenPromises: number;
  openDisputes: number;
  exposure: number;
  creditLimit: number | null;
};

export type RiskFactor = { factor: 'days_late' | 'trend' | 'broken_promises' | 'exposure' | 'disputes'; points: number };
export type RiskScore = { rated: boolean; score: number | null; factors: RiskFactor[] };

export function riskScore(h: RiskHistory): RiskScore {
  if (!h.hasHistory) return { rated: false, score: null, factors: [] };
  const trend = h.avgDaysLateRecent !== null && h.avgDaysLateBefore !== null ? h.avgDaysLateRecent - h.avgDaysLateBefore : 0;
  const ratio = h.creditLimit && h.creditLimit > 0 ? h.exposure / h.creditLimit : 0;
  const factors: RiskFactor[] = [
    { factor: 'days_late', points: Math.min(40, Math.max(0, Math.round(h.avgDaysLate ?? 0))) },
    { factor: 'trend', points: Math.min(15, Math.max(0, Math.floor(trend / 2))) },
    { factor: 'broken_promises', points: Math.min(25, 10 * h.brokenPromises) },
    { factor: 'exposure', points: ratio > 1 ? 10 : ratio > 0.8 ? 5 : 0 },
    { factor: 'disputes', points: Math.min(10, 5 * h.openDisputes) },
  ];
  return { rated: true, score: factors.reduce((s, f) => s + f.points, 0), factors };
}

/** A/B/C by the policy's thresholds; a manual override wins; an unrated client has no segment. */
export function segmentFor(score: number | null, thresholds: { a: number; b: number }, override: Segment | null = null): Segment | null {
  if (override) return override;
  if (score === null) return null;
  return score <= thresholds.a ? 'A' : score <= thresholds.b ? 'B' : 'C';
}

/** True when a new invoice would take the client's open balance over its credit limit. */
export function overCreditLimit(open: number, newAmount: number, creditLimit: number | null): boolean {
  return creditLimit !== null && open + newAmount > creditLimit;
}
