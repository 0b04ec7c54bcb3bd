import { addMonths, daysInMonth, diffDays } from './dates';

/** A window (after, end]: dates d with after < d ≤ end, as text comparisons in SQL need them. */
export type DateWindow = { after: string; end: string; days: number };

export function isMonthEnd(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return d === daysInMonth(y, m);
}

/** The last day of the month `k` months before the month of `date` (k = 0: its own month). */
export function monthEndBefore(date: string, k: number): string {
  const first = `${date.slice(0, 7)}-01`;
  const m = addMonths(first, -k);
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return `${m.slice(0, 7)}-${String(daysInMonth(y, mo)).padStart(2, '0')}`;
}

/**
 * `n` month-long windows walking back from `end`, newest first (the countback DSO's months). When `end`
 * is a month-end they are calendar months with their real lengths (Mar 31, Feb 28, Jan 31); otherwise
 * they run from the same day of the previous month (Mar 15 → Feb 15 …).
 */
export function monthWindows(end: string, n: number): DateWindow[] {
  const out: DateWindow[] = [];
  const calendar = isMonthEnd(end);
  for (let k = 0; k < n; k++) {
    const e = calendar ? monthEndBefore(end, k) : addMonths(end, -k);
    const a = calendar ? monthEndBefore(end, k + 1) : addMonths(end, -(k + 1));
    out.push({ after: a, end: e, days: diffDays(a, e) });
  }
  return out;
}

/** The `n` month-ends of a trend, oldest first, the last being the latest month-end on or before `asOf`. */
export function trendMonthEnds(asOf: string, n: number): string[] {
  const last = isMonthEnd(asOf) ? asOf : monthEndBefore(asOf, 1);
  return Array.from({ length: n }, (_, i) => monthEndBefore(last, n - 1 - i));
}
