/**
 * Late interest and fees as a letter or a dossier states them.
 *
 * For a date D, an overdue invoice accrues simple interest day by day on the balance actually open that
 * day (so a partial payment stops interest on what it paid from its date on), at the annual rate of its
 * currency, actual/365, from the day after its due date through D. The sum is kept exact (an integer
 * numerator over 100 × 10⁴ × 365) and rounded half up to the minor unit once per invoice. The fixed late
 * fee is added once per overdue invoice.
 */
import { diffDays, fromEpochDay, toEpochDay, type IsoDate } from './dates';
import type { Cents } from './money';

const RATE_SCALE = 10_000; // the annual percentage is kept to four decimals

/** A payment, credit note or other reduction of the invoice's balance, effective on its date. */
export type BalanceEvent = { date: IsoDate | string; amount: number };

export type InterestInvoice = {
  amount: number;
  dueDate: IsoDate | string;
  /** allocations and credit notes of this invoice, any order; only those dated on or before D count */
  events: readonly BalanceEvent[];
};

export type InvoiceInterest = { balance: Cents; daysLate: number; interest: Cents; fee: Cents };

export type InterestTerms = { annualPct: number; fee: number };

/** The invoice's balance at the end of a day: amount less every event dated on or before it. */
export function balanceOn(inv: InterestInvoice, day: IsoDate | string): number {
  return inv.events.reduce((open, e) => (e.date <= day ? open - e.amount : open), inv.amount);
}

function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/**
 * Interest, fee and days late of one invoice as of D. Each day after the due date accrues on the balance
 * open at the end of that day, so a payment stops interest on what it paid from its own date on. An
 * invoice not yet due, or with nothing open at D, owes neither interest nor fee.
 */
export function invoiceInterest(inv: InterestInvoice, asOf: IsoDate | string, terms: InterestTerms): InvoiceInterest {
  const balance = balanceOn(inv, asOf);
  const daysLate = diffDays(inv.dueDate, asOf);
  if (daysLate <= 0 || balance <= 0) return { balance: Math.max(balance, 0) as Cents, daysLate: Math.max(daysLate, 0), interest: 0 as Cents, fee: 0 as Cents };
  // Piecewise constant: the balance only changes on event dates, so sum balance × days per stretch.
  const first = toEpochDay(inv.dueDate) + 1;
  const last = toEpochDay(asOf);
  const cuts = [...new Set(inv.events.map((e) => toEpochDay(e.date)).filter((d) => d > first && d <= last))].sort((a, b) => a - b);
  const starts = [first, ...cuts];
  let balanceDays = 0n; // Σ end-of-day open balance over the late days
  starts.forEach((s, k) => {
    const open = balanceOn(inv, fromEpochDay(s));
    const days = (starts[k + 1] ?? last + 1) - s;
    if (open > 0) balanceDays += BigInt(open) * BigInt(days);
  });
  const scaled = BigInt(Math.round(terms.annualPct * RATE_SCALE));
  const interest = Number(roundHalfUp(balanceDays * scaled, 100n * BigInt(RATE_SCALE) * 365n));
  return { balance: balance as Cents, daysLate, interest: interest as Cents, fee: terms.fee as Cents };
}

export type InterestTotals = { overdue: Cents; interest: Cents; fees: Cents; total: Cents };

export function interestTotals(lines: readonly InvoiceInterest[]): InterestTotals {
  const late = lines.filter((l) => l.daysLate > 0 && l.balance > 0);
  const overdue = late.reduce((s, l) => s + l.balance, 0);
  const interest = late.reduce((s, l) => s + l.interest, 0);
  const fees = late.reduce((s, l) => s + l.fee, 0);
  return { overdue: overdue as Cents, interest: interest as Cents, fees: fees as Cents, total: (overdue + interest + fees) as Cents };
}
