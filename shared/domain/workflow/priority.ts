import { currencyDigits } from '../money';

/**
 * Today's order: higher first. Points, each capped, so the hover can list them and they add up:
 * - amount: 8 × log10(1 + overdue in major units), at most 40 (100,000 overdue ≈ 40)
 * - days: days overdue ÷ 3, at most 30 (90 days)
 * - risk: the client's risk score (0–100) ÷ 5, at most 20
 * - broken promises in the last 12 months: 5 each, at most 10
 * - kind: a broken promise +10, a promise or instalment due today +5
 */
export type PriorityInput = { overdue: number; currency: string; daysOverdue: number; riskScore: number | null; brokenPromises: number; kind: string };
export type PriorityFactor = { factor: 'amount' | 'days' | 'risk' | 'broken' | 'kind'; points: number };

export const PRIORITY_FORMULA =
  'amount: 8×log10(1+overdue), max 40 · days: days÷3, max 30 · risk: score÷5, max 20 · broken promises: 5 each, max 10 · kind: broken promise +10, promise/instalment due +5';

export function priorityFactors(i: PriorityInput): PriorityFactor[] {
  const major = Math.max(0, i.overdue) / 10 ** currencyDigits(i.currency || 'USD');
  const kind = i.kind === 'broken_promise' ? 10 : i.kind === 'promise_due' || i.kind === 'installment_due' ? 5 : 0;
  return [
    { factor: 'amount', points: Math.min(40, Math.round(8 * Math.log10(1 + major))) },
    { factor: 'days', points: Math.min(30, Math.max(0, Math.floor(i.daysOverdue / 3))) },
    { factor: 'risk', points: Math.min(20, Math.round((i.riskScore ?? 0) / 5)) },
    { factor: 'broken', points: Math.min(10, 5 * i.brokenPromises) },
    { factor: 'kind', points: kind },
  ];
}

export function priorityScore(i: PriorityInput): number {
  return priorityFactors(i).reduce((s, f) => s + f.points, 0);
}
