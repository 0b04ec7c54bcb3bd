import { sql } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import { bucketLabels, DEFAULT_BOUNDS, type AgingReport, type BucketBounds } from '#shared/domain/aging';
import type { AgingBasis, AgingBy, AgingDetail, AgingDetailRow, AgingSummary, AgingSummaryRow, AgingTotalLine } from '#shared/domain/agingViews';
import { toEpochDay } from '#shared/domain/dates';
import type { Ctx } from '../context';
import { bucketCase, groupedOpenItems, openItemsSource, type AgingFilters, type GroupedLine } from './source';

export type SummaryArgs = { asOf: string; basis: AgingBasis; by: AgingBy; bounds?: number[] | undefined } & AgingFilters;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Aging grouped by client, segment or currency: SQL sums client × currency lines, merged here by group. */
export async function agingSummary(ctx: Ctx, input: SummaryArgs): Promise<AgingSummary> {
  const bounds: BucketBounds = input.bounds ?? DEFAULT_BOUNDS;
  const lines = await groupedOpenItems(ctx, input.asOf, input.basis, input, bounds, true);
  const n = bounds.length + 1;
  const rows = new Map<string, AgingSummaryRow>();
  const totals = new Map<string, AgingTotalLine>();
  const blank = () => ({ buckets: new Array<number>(n).fill(0), counts: new Array<number>(n).fill(0), total: 0, count: 0 });
  const add = (into: AgingTotalLine, l: GroupedLine) => {
    for (let k = 0; k < n; k++) {
      into.buckets[k]! += l.buckets[k]!;
      into.counts[k]! += l.more!.counts[k]!;
    }
    into.total += l.total;
    into.count += l.more!.count;
  };
  for (const l of lines) {
    if (l.total === 0) continue;
    let key: string,
      label: string,
      clientId: number | null = null,
      segment: string | null = null;
    if (input.by === 'client') {
      key = l.code;
      label = l.name;
      clientId = l.more!.clientId;
    } else if (input.by === 'segment') {
      key = label = l.more!.segment ?? '';
      segment = key === '' ? null : key;
    } else key = label = l.currency;
    const k = `${key}\u0000${l.currency}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { key, label, clientId, segment, currency: l.currency, ...blank() }));
    let t = totals.get(l.currency);
    if (!t) totals.set(l.currency, (t = { currency: l.currency, ...blank() }));
    add(r, l);
    add(t, l);
  }
  return {
    asOf: input.asOf,
    basis: input.basis,
    by: input.by,
    bounds: [...bounds],
    buckets: bucketLabels(bounds),
    totals: [...totals.values()].sort((a, b) => cmp(a.currency, b.currency)),
    rows: [...rows.values()].sort((a, b) => cmp(a.key, b.key) || cmp(a.currency, b.currency)),
  };
}

/** The public aging JSON of issue #2 from the lines grouped in SQL (same figures as buildAgingReport over the items). */
export async function agingReportSql(ctx: Ctx, input: ParsedInputOf<'aging.report'>): Promise<AgingReport> {
  const bounds: BucketBounds = input.bounds ?? DEFAULT_BOUNDS;
  const lines = await groupedOpenItems(ctx, input.asOf, input.basis, {}, bounds, false);
  const n = bounds.length + 1;
  const totals = new Map<string, AgingReport['totals'][number]>();
  const clients: AgingReport['clients'] = [];
  for (const l of lines) {
    if (l.total === 0) continue;
    clients.push({ code: l.code, name: l.name, currency: l.currency, buckets: l.buckets, total: l.total });
    let t = totals.get(l.currency);
    if (!t) totals.set(l.currency, (t = { currency: l.currency, buckets: new Array<number>(n).fill(0), total: 0 }));
    for (let k = 0; k < n; k++) t.buckets[k]! += l.buckets[k]!;
    t.total += l.total;
  }
  return {
    asOf: input.asOf,
    buckets: bucketLabels(bounds),
    totals: [...totals.values()].sort((a, b) => cmp(a.currency, b.currency)),
    clients: clients.sort((a, b) => cmp(a.code, b.code) || cmp(a.currency, b.currency)),
  };
}

// Every sort ends with the invoice id so pages never overlap or skip rows.
const SORT: Record<ParsedInputOf<'aging.detail'>['sort'], string> = {
  days: 'ref_date',
  open: 'open',
  client: 'code',
  number: 'series, number',
  dueDate: 'due_date',
  issueDate: 'issue_date',
  currency: 'currency',
};

type DetailSql = {
  invoice_id: number;
  client_id: number;
  code: string;
  name: string;
  segment: string | null;
  currency: string;
  series: string;
  number: string;
  issue_date: string;
  due_date: string;
  amount: number;
  ref_date: string;
  open: number;
  bucket: number;
};

/** Invoice-level rows for drill-down, filtered, sorted and paged in SQL, with totals of all matching rows. */
export async function agingDetail(ctx: Ctx, input: ParsedInputOf<'aging.detail'>): Promise<AgingDetail> {
  const bounds: BucketBounds = input.bounds ?? DEFAULT_BOUNDS;
  const src = await openItemsSource(ctx, input.asOf, input.basis, input, bounds, 'rows');
  // days grow as ref_date shrinks: sorting by days descending is ref_date ascending
  const asc = input.sort === 'days' ? input.dir === 'desc' : input.dir === 'asc';
  const dir = asc ? 'ASC' : 'DESC';
  const order = sql.raw(
    `${SORT[input.sort]
      .split(', ')
      .map((c) => `${c} ${dir}`)
      .join(', ')}, invoice_id ${dir}`,
  );
  const db = ctx.db.withoutPlugins();
  const [page, totals] = await Promise.all([
    sql<DetailSql>`SELECT *, ${bucketCase(input.asOf, bounds)} AS bucket FROM (${src}) src ORDER BY ${order} LIMIT ${input.limit} OFFSET ${input.offset}`.execute(
      db,
    ),
    sql<{
      currency: string;
      open: number;
      count: number;
    }>`SELECT currency, sum(open) AS open, count(*) AS count FROM (${src}) src GROUP BY currency ORDER BY currency`.execute(db),
  ]);
  const asOfDay = toEpochDay(input.asOf);
  const rows: AgingDetailRow[] = page.rows.map((r) => ({
    invoiceId: r.invoice_id,
    clientId: r.client_id,
    clientCode: r.code,
    clientName: r.name,
    segment: r.segment,
    series: r.series,
    number: r.number,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    currency: r.currency,
    amount: Number(r.amount),
    open: Number(r.open),
    days: asOfDay - toEpochDay(r.ref_date),
    bucket: Number(r.bucket),
  }));
  const t = totals.rows.map((x) => ({ currency: x.currency, open: Number(x.open), count: Number(x.count) }));
  return {
    asOf: input.asOf,
    basis: input.basis,
    bounds: [...bounds],
    buckets: bucketLabels(bounds),
    totalRows: t.reduce((s, x) => s + x.count, 0),
    totals: t,
    rows,
  };
}
