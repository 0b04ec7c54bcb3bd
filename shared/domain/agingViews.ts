import { addDays } from './dates';
import type { BucketBounds } from './aging';

/**
 * Summary and detail views of the aging (issue #4), built on the same rules as the public aging JSON:
 * integers in minor units, one line per currency, never summed across currencies.
 */
export type AgingBasis = 'due' | 'issue';
export type AgingBy = 'client' | 'segment' | 'currency';

export type AgingTotalLine = { currency: string; buckets: number[]; counts: number[]; total: number; count: number };

/** One group of the summary. `key` is what a drill-down filters on (client code, segment, currency). */
export type AgingSummaryRow = AgingTotalLine & {
  key: string;
  label: string;
  /** by client: the client's id (to open it) */
  clientId: number | null;
  /** by segment: the segment, null for clients without one */
  segment: string | null;
};

export type AgingSummary = {
  asOf: string;
  basis: AgingBasis;
  by: AgingBy;
  bounds: number[];
  buckets: string[];
  /** per currency, sorted by currency */
  totals: AgingTotalLine[];
  /** sorted by key then currency */
  rows: AgingSummaryRow[];
};

export type AgingDetailRow = {
  invoiceId: number;
  clientId: number;
  clientCode: string;
  clientName: string;
  segment: string | null;
  series: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  open: number;
  /** as-of − due (or issue) date; ≤ 0 is current */
  days: number;
  bucket: number;
};

export type AgingDetail = {
  asOf: string;
  basis: AgingBasis;
  bounds: number[];
  buckets: string[];
  /** rows matching the filters, before paging */
  totalRows: number;
  /** open per currency of all matching rows (not just this page) */
  totals: { currency: string; open: number; count: number }[];
  rows: AgingDetailRow[];
};

/**
 * Bucket i holds days ≤ bounds[i]; days = asOf − ref, so that is ref ≥ asOf − bounds[i]. Returning the
 * threshold dates lets SQL bucket with plain text comparisons on YYYY-MM-DD (portable, index friendly).
 */
export function bucketThresholds(asOf: string, bounds: BucketBounds): string[] {
  return bounds.map((b) => addDays(asOf, -b));
}

/** The [from, to) range of reference dates of bucket k: ref ≥ from (if any) and ref < to (if any). */
export function bucketRefRange(asOf: string, bounds: BucketBounds, k: number): { minRef: string | null; maxRefExclusive: string | null } {
  const t = bucketThresholds(asOf, bounds);
  return { minRef: k < t.length ? t[k]! : null, maxRefExclusive: k > 0 ? t[k - 1]! : null };
}

/** A group × currency × bucket sum as SQL returns it. */
export type AgingGroupCell = {
  key: string;
  label: string;
  clientId: number | null;
  segment: string | null;
  currency: string;
  bucket: number;
  open: number;
  count: number;
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Pivots SQL cells into summary rows and per-currency totals; zero balances are left out. */
export function pivotAging(cells: Iterable<AgingGroupCell>, nBuckets: number): { rows: AgingSummaryRow[]; totals: AgingTotalLine[] } {
  const rows = new Map<string, AgingSummaryRow>();
  const totals = new Map<string, AgingTotalLine>();
  const blank = () => ({ buckets: new Array<number>(nBuckets).fill(0), counts: new Array<number>(nBuckets).fill(0), total: 0, count: 0 });
  for (const c of cells) {
    if (c.open === 0) continue;
    const k = `${c.key}\u0000${c.currency}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { key: c.key, label: c.label, clientId: c.clientId, segment: c.segment, currency: c.currency, ...blank() }));
    let t = totals.get(c.currency);
    if (!t) totals.set(c.currency, (t = { currency: c.currency, ...blank() }));
    for (const line of [r, t]) {
      line.buckets[c.bucket]! += c.open;
      line.counts[c.bucket]! += c.count;
      line.total += c.open;
      line.count += c.count;
    }
  }
  return {
    rows: [...rows.values()].sort((a, b) => cmp(a.key, b.key) || cmp(a.currency, b.currency)),
    totals: [...totals.values()].sort((a, b) => cmp(a.currency, b.currency)),
  };
}
