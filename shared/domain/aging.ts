import type { IsoDate } from './dates';
import { diffDays } from './dates';

/** Upper bounds (in days past due, inclusive) of every bucket but the last; 0 makes the first "current". */
export type BucketBounds = readonly number[];
export const DEFAULT_BOUNDS: BucketBounds = [0, 30, 60, 90, 120];

export function isValidBounds(bounds: readonly number[]): boolean {
  if (bounds.length < 1 || bounds.length > 12) return false;
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i]!;
    if (!Number.isInteger(b) || b < 0 || b > 3650) return false;
    if (i > 0 && b <= bounds[i - 1]!) return false;
  }
  return true;
}

/** "current", "1-30", …, "120+" for the default bounds. */
export function bucketLabels(bounds: BucketBounds = DEFAULT_BOUNDS): string[] {
  const labels: string[] = [];
  labels.push(bounds[0] === 0 ? 'current' : `<=${bounds[0]}`);
  for (let i = 1; i < bounds.length; i++) labels.push(`${bounds[i - 1]! + 1}-${bounds[i]}`);
  labels.push(`${bounds[bounds.length - 1]}+`);
  return labels;
}

export function bucketIndex(daysPastDue: number, bounds: BucketBounds = DEFAULT_BOUNDS): number {
  for (let i = 0; i < bounds.length; i++) if (daysPastDue <= bounds[i]!) return i;
  return bounds.length;
}

/** Days past due as of a date; zero or negative means not yet due (current). */
export function daysPastDue(asOf: IsoDate | string, dueDate: IsoDate | string): number {
  return diffDays(dueDate, asOf);
}

/** One invoice's open balance as of the report date, ready to bucket. */
export type OpenItem = {
  clientCode: string;
  clientName: string;
  segment: string | null;
  currency: string;
  /** as-of − due (or issue) date */
  days: number;
  open: number;
};

export type AgingLine = { currency: string; buckets: number[]; total: number };
export type AgingClientLine = AgingLine & { code: string; name: string };
export type AgingSegmentLine = AgingLine & { segment: string };

/** The public aging JSON (issue #2): integers in minor units, never summed across currencies. */
export type AgingReport = {
  asOf: string;
  buckets: string[];
  totals: AgingLine[];
  clients: AgingClientLine[];
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildAgingReport(asOf: string, items: Iterable<OpenItem>, bounds: BucketBounds = DEFAULT_BOUNDS): AgingReport {
  const n = bounds.length + 1;
  const totals = new Map<string, AgingLine>();
  const clients = new Map<string, AgingClientLine>();
  for (const it of items) {
    if (it.open === 0) continue;
    const b = bucketIndex(it.days, bounds);
    let t = totals.get(it.currency);
    if (!t) totals.set(it.currency, (t = { currency: it.currency, buckets: new Array<number>(n).fill(0), total: 0 }));
    t.buckets[b]! += it.open;
    t.total += it.open;
    const key = `${it.clientCode}\u0000${it.currency}`;
    let c = clients.get(key);
    if (!c) clients.set(key, (c = { code: it.clientCode, name: it.clientName, currency: it.currency, buckets: new Array<number>(n).fill(0), total: 0 }));
    c.buckets[b]! += it.open;
    c.total += it.open;
  }
  return {
    asOf,
    buckets: bucketLabels(bounds),
    totals: [...totals.values()].filter((t) => t.total !== 0).sort((a, b) => cmp(a.currency, b.currency)),
    clients: [...clients.values()].filter((c) => c.total !== 0).sort((a, b) => cmp(a.code, b.code) || cmp(a.currency, b.currency)),
  };
}
