/**
 * Collection KPIs as pure functions (definitions and worked examples: shared/reference/kpis.md).
 * Inputs are integers in minor units of ONE currency; results are unrounded ratios or days (floats are
 * fine here: they are not money). A figure that cannot be computed (nothing sold, nothing due) is null,
 * never 0 or Infinity, so a screen can say "n/a" instead of a misleading number.
 */

/** Rounds a ratio/day figure for display and for the report JSON: one decimal, half away from zero. */
export function round1(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
}

export function round1OrNull(x: number | null): number | null {
  return x === null ? null : round1(x);
}

/** DSO, simple (period-end method): AR_end / credit sales × days in the period. */
export function dsoSimple(arEnd: number, creditSales: number, days: number): number | null {
  if (creditSales <= 0 || days <= 0) return null;
  return (arEnd / creditSales) * days;
}

/** One month walked by the countback, newest first. */
export type CountbackMonth = { sales: number; days: number };

export type CountbackResult = {
  days: number;
  /** true when the AR was larger than all the sales given: the figure is then a lower bound */
  exhausted: boolean;
};

/**
 * DSO, countback: from AR_end walk back month by month; while the remaining AR exceeds the month's
 * sales, count the whole month and subtract its sales; otherwise count the fraction remaining / sales
 * of the month's days and stop. `days` per month is either 30 (the textbook variant) or the real length.
 */
export function dsoCountback(arEnd: number, months: readonly CountbackMonth[]): CountbackResult {
  let remaining = arEnd;
  let days = 0;
  if (remaining <= 0) return { days: 0, exhausted: false };
  for (const m of months) {
    if (remaining > m.sales) {
      days += m.days;
      remaining -= Math.max(0, m.sales);
    } else {
      days += (remaining / m.sales) * m.days;
      return { days, exhausted: false };
    }
  }
  return { days, exhausted: true };
}

/** Best possible DSO: the DSO the book would have if only current (not yet due) AR were outstanding. Simple method. */
export function bestPossibleDso(arCurrent: number, creditSales: number, days: number): number | null {
  return dsoSimple(arCurrent, creditSales, days);
}

/** Average days delinquent = DSO − best possible DSO (both by the same method). */
export function averageDaysDelinquent(dso: number | null, bpdso: number | null): number | null {
  return dso === null || bpdso === null ? null : dso - bpdso;
}

/** ADD, weighted (alternative): Σ(amount × days late) / Σ amount over past-due items. */
export function addWeighted(items: readonly { amount: number; daysLate: number }[]): number | null {
  let num = 0;
  let den = 0;
  for (const it of items) {
    num += it.amount * it.daysLate;
    den += it.amount;
  }
  return den > 0 ? num / den : null;
}

/**
 * CEI = (AR_begin + CS/N − AR_end_total) / (AR_begin + CS/N − AR_end_current) × 100, N = months in the
 * period: of what could have been collected, how much was.
 */
export function cei(arBegin: number, creditSales: number, months: number, arEnd: number, arEndCurrent: number): number | null {
  if (months <= 0) return null;
  const available = arBegin + creditSales / months;
  const den = available - arEndCurrent;
  if (den <= 0) return null;
  return ((available - arEnd) / den) * 100;
}

/** AR turnover = net credit sales / average AR ((begin + end) / 2); also as days (period days / turnover). */
export function arTurnover(creditSales: number, arBegin: number, arEnd: number, periodDays = 365): { times: number; days: number | null } | null {
  const avg = (arBegin + arEnd) / 2;
  if (avg <= 0) return null;
  const times = creditSales / avg;
  return { times, days: times > 0 ? periodDays / times : null };
}

/** part / whole × 100, or null when the whole is zero (% current, % over 90, any share). */
export function pct(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/** Bad-debt ratio = write-offs in the period / credit sales in the period × 100. */
export function badDebtRatio(writeOffs: number, creditSales: number): number | null {
  return pct(writeOffs, creditSales);
}

/** Roll rate = balance that moved from bucket k to k+1 between two month-ends / balance in k at the first × 100. */
export function rollRate(rolledForward: number, bucketBalanceAtStart: number): number | null {
  return pct(rolledForward, bucketBalanceAtStart);
}

/** A promise to pay that fell due, with what was received towards it by its date + grace. */
export type PromiseOutcome = { amount: number; received: number; kept: boolean };

/** Promise-kept rate by count (kept / fallen due) and by amount (received, capped per promise / promised). */
export function promiseKeptRate(outcomes: readonly PromiseOutcome[]): {
  byCount: number | null;
  byAmount: number | null;
  due: number;
  kept: number;
  promised: number;
  received: number;
} {
  let kept = 0;
  let promised = 0;
  let received = 0;
  for (const o of outcomes) {
    if (o.kept) kept++;
    promised += o.amount;
    received += Math.min(o.amount, Math.max(0, o.received));
  }
  return { byCount: pct(kept, outcomes.length), byAmount: pct(received, promised), due: outcomes.length, kept, promised, received };
}

/**
 * Whether one promise was kept: paid in full by promised date + grace. "Paid" is measured by the caller
 * (allocations to the promise's invoice, or the client's payments in that currency when the promise has
 * no invoice) as the sum received inside the promise's window; an invoice settled in full by the
 * deadline also keeps the promise (the client paid everything that was owed, even if less than promised).
 */
export function promiseKept(amount: number, received: number, settledByDeadline: boolean): boolean {
  return settledByDeadline || received >= amount;
}

/** Months in a period for CEI's CS/N: whole calendar months when the period is made of them, else days / (365.25/12). */
export function monthsInPeriod(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const lastOfTo = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (fd === 1 && td === lastOfTo) return (ty - fy) * 12 + (tm - fm) + 1;
  const days = (Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000 + 1;
  return Math.round((days / (365.25 / 12)) * 100) / 100;
}

/** A promise as the kept-rate needs it; dates YYYY-MM-DD. */
export type PromiseToJudge = { amount: number; start: string; promisedDate: string; settledOn: string | null };

/**
 * Judges one promise against the receipts that can count for it (dated, amounts in minor units):
 * received = what arrived from the promise's start to promised date + grace; kept when that covers the
 * promise or the invoice was settled by the deadline. Returns null while the outcome is still open
 * (deadline not passed and not yet kept), so undecided promises never count as broken.
 */
export function judgePromise(p: PromiseToJudge, receipts: readonly { date: string; amount: number }[], deadline: string, today: string): PromiseOutcome | null {
  let received = 0;
  for (const r of receipts) if (r.date >= p.start && r.date <= deadline) received += r.amount;
  const settled = p.settledOn !== null && p.settledOn <= deadline;
  const kept = promiseKept(p.amount, received, settled);
  if (!kept && deadline >= today) return null;
  return { amount: p.amount, received: settled ? Math.max(received, p.amount) : received, kept };
}
