import { addDays } from '../dates';

export type PromiseStatus = 'active' | 'kept' | 'broken' | 'cancelled';

export type PromiseTerms = { amount: number; currency: string; made: string; date: string; cancelledOn: string | null };
export type Receipt = { date: string; amount: number; currency: string };

/** The promised amount less the tolerance, in minor units (the tolerance is rounded down: never in the debtor's favour by more). */
export function requiredAmount(amount: number, tolerancePct: number): number {
  return amount - Math.floor((amount * Math.round(tolerancePct * 100)) / 10_000);
}

/** The last day a payment still counts: the promised date plus the grace days. */
export function promiseDeadline(date: string, graceDays: number): string {
  return addDays(date, graceDays);
}

/**
 * The promise's state as of a date. Kept once payments in its currency dated from the day it was made
 * through date + grace (and on or before `asOf`) reach the amount less the tolerance; broken from the
 * day after that window otherwise; payments in other currencies never count.
 */
export function promiseStatus(p: PromiseTerms, receipts: readonly Receipt[], rules: { graceDays: number; tolerancePct: number }, asOf: string): PromiseStatus {
  if (p.cancelledOn !== null && p.cancelledOn <= asOf) return 'cancelled';
  const deadline = promiseDeadline(p.date, rules.graceDays);
  const last = asOf < deadline ? asOf : deadline;
  let paid = 0;
  for (const r of receipts) if (r.currency === p.currency && r.date >= p.made && r.date <= last) paid += r.amount;
  if (paid >= requiredAmount(p.amount, rules.tolerancePct)) return 'kept';
  return asOf > deadline ? 'broken' : 'active';
}
