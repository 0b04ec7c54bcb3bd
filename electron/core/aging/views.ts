import { sql, type RawBuilder } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import { bucketLabels, DEFAULT_BOUNDS, type AgingReport, type BucketBounds } from '#shared/domain/aging';
import { pivotAging, type AgingBasis, type AgingBy, type AgingDetail, type AgingDetailRow, type AgingGroupCell, type AgingSummary } from '#shared/domain/agingViews';
import { toEpochDay } from '#shared/domain/dates';
import type { Ctx } from '../context';
import { bucketCase, openItemsSource, type AgingFilters } from './source';

export type SummaryArgs = { asOf: string; basis: AgingBasis; by: AgingBy; bounds?: number[] | undefined } & AgingFilters;

const GROUP: Record<AgingBy, { key: RawBuilder<unknown>; label: RawBuilder<unknown>; clientId: RawBuilder<unknown>; segment: RawBuilder<unknown> }> = {
  // min(name): one name per client id, the aggregate only keeps SQL strict about GROUP BY
  client: { key: sql`min(code)`, label: sql`min(name)`, clientId: sql`client_id`, segment: sql`NULL` },
  segment: { key: sql`coalesce(segment, '')`, label: sql`coalesce(segment, '')`, clientId: sql`NULL`, segment: sql`nullif(coalesce(segment, ''), '')` },
  currency: { key: sql`currency`, label: sql`currency`, clientId: sql`NULL`, segment: sql`NULL` },
};
const GROUP_BY: Record<AgingBy, RawBuilder<unknown>> = { client: sql`client_id`, segment: sql`coalesce(segment, '')`, currency: sql`currency` };

/** Aging grouped by client, segment or currency: the database sums group × currency × bucket cells. */
export async function agingSummary(ctx: Ctx, input: SummaryArgs): Promise<AgingSummary> {
  const bounds: BucketBounds = input.bounds ?? DEFAULT_BOUNDS;
  const src = await openItemsSource(ctx, input.asOf, input.basis, input, bounds);
  const g = GROUP[input.by];
  const r = await sql<AgingGroupCell>`
    SELECT ${g.key} AS key, ${g.label} AS label, ${g.clientId} AS clientId, ${g.segment} AS segment, currency, bucket, sum(open) AS open, count(*) AS count
    FROM (SELECT *, ${bucketCase(input.asOf, bounds)} AS bucket FROM (${src}) src) b
    GROUP BY ${GROUP_BY[input.by]}, currency, bucket`.execute(ctx.db.withoutPlugins());
  const { rows, totals } = pivotAging(
    r.rows.map((c) => ({ ...c, key: String(c.key), label: String(c.label), open: Number(c.open), count: Number(c.count) })),
    bounds.length + 1,
  );
  return { asOf: input.asOf, basis: input.basis, by: input.by, bounds: [...bounds], buckets: bucketLabels(bounds), totals, rows };
}

/** The public aging JSON of issue #2, from the grouped SQL (same figures as buildAgingReport over the items). */
export async function agingReportSql(ctx: Ctx, input: ParsedInputOf<'aging.report'>): Promise<AgingReport> {
  const s = await agingSummary(ctx, { asOf: input.asOf, basis: input.basis, by: 'client', bounds: input.bounds });
  return {
    asOf: s.asOf,
    buckets: s.buckets,
    totals: s.totals.map((t) => ({ currency: t.currency, buckets: t.buckets, total: t.total })),
    clients: s.rows.map((r) => ({ code: r.key, name: r.label, currency: r.currency, buckets: r.buckets, total: r.total })),
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
  const order = sql.raw(`${SORT[input.sort].split(', ').map((c) => `${c} ${dir}`).join(', ')}, invoice_id ${dir}`);
  const db = ctx.db.withoutPlugins();
  const [page, totals] = await Promise.all([
    sql<DetailSql>`SELECT *, ${bucketCase(input.asOf, bounds)} AS bucket FROM (${src}) src ORDER BY ${order} LIMIT ${input.limit} OFFSET ${input.offset}`.execute(db),
    sql<{ currency: string; open: number; count: number }>`SELECT currency, sum(open) AS open, count(*) AS count FROM (${src}) src GROUP BY currency ORDER BY currency`.execute(db),
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
