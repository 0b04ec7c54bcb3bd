import type { AgingSummary, AgingSummaryRow } from '#shared/domain/agingViews';

/** How many groups the "largest balances" chart draws; the rest is summed in words beside it, not as a bar. */
export const CHART_TOP = 8;

/** Not yet due in teal, then warmer and darker with age (the default six buckets and one spare). */
const BASE_COLORS = ['#12b886', '#fcc419', '#fd7e14', '#e03131', '#9c36b5', '#343a40', '#000000'];

/**
 * One distinct colour per bucket. Up to seven buckets keep the hand-picked palette; with more, the
 * overdue buckets walk evenly from yellow through red to deep purple, darker with age, so no two share
 * a colour however many buckets the user configures.
 */
export function bucketColors(count: number): string[] {
  if (count <= BASE_COLORS.length) return BASE_COLORS.slice(0, count);
  const late = count - 1;
  const colors = ['#12b886'];
  for (let i = 0; i < late; i++) {
    const f = late === 1 ? 0 : i / (late - 1);
    const hue = Math.round((48 - f * 118 + 360) % 360); // 48° yellow → 290° purple, through red
    const light = Math.round(58 - f * 36);
    colors.push(`hsl(${hue} 80% ${light}%)`);
  }
  return colors;
}

export type ChartDatum = { name: string; row: AgingSummaryRow } & Record<`b${number}`, number>;
export type ChartData = {
  bars: ChartDatum[];
  /** the groups not drawn: how many and how much they owe together, or null when every group is drawn */
  rest: { count: number; total: number } | null;
};

/** The largest balances of one currency, biggest first (ties by name, so the order is stable). */
export function largestBalances(summary: AgingSummary, currency: string, name: (r: AgingSummaryRow) => string, top = CHART_TOP): ChartData {
  const rows = summary.rows.filter((r) => r.currency === currency && r.total > 0).sort((a, b) => b.total - a.total || name(a).localeCompare(name(b)));
  const bars = rows.slice(0, top).map((r) => ({ name: name(r), row: r, ...Object.fromEntries(r.buckets.map((v, i) => [`b${i}`, v])) }) as ChartDatum);
  const rest = rows.slice(top);
  return { bars, rest: rest.length === 0 ? null : { count: rest.length, total: rest.reduce((s, r) => s + r.total, 0) } };
}

/** A bar's tooltip lines: buckets in bucket order (youngest first), buckets with nothing left out. */
export function tooltipLines(row: AgingSummaryRow, labels: readonly string[]): { bucket: number; label: string; amount: number }[] {
  return row.buckets.flatMap((amount, bucket) => (amount === 0 ? [] : [{ bucket, label: labels[bucket] ?? '', amount }]));
}
