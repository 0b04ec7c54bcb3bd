import { sql, type RawBuilder } from 'kysely';
import type { BucketBounds } from '#shared/domain/aging';
import { bucketRefRange, bucketThresholds, type AgingBasis } from '#shared/domain/agingViews';
import type { Ctx } from '../context';

export type AgingFilters = { clientCode?: string | undefined; currency?: string | undefined; segment?: string | null | undefined; bucket?: number | undefined };

/**
 * The open items as of a date, as a SQL subquery the views group, sort and page in the database.
 * Columns: invoice_id, client_id, code, name, segment, currency, series, number, issue_date, due_date,
 * amount, ref_date (due or issue date, per basis), open.
 *
 * Same two paths as openItemsAsOf: when no allocation or credit note is dated after asOf, the maintained
 * open_amount is exact and only open invoices are read (partial index invoices_open); otherwise each
 * candidate's balance is rebuilt from the events dated on or before asOf, skipping invoices already
 * settled by then. Filters are pushed into both paths so a drill-down reads only its rows.
 */
export async function openItemsSource(ctx: Ctx, asOf: string, basis: AgingBasis, f: AgingFilters, bounds: BucketBounds, use: 'grouped' | 'rows' = 'grouped'): Promise<RawBuilder<unknown>> {
  const db = ctx.db.withoutPlugins();
  const latest = await sql<{ d: string | null }>`
    SELECT max(d) AS d FROM (
      SELECT max(date) AS d FROM payment_allocations
      UNION ALL SELECT max(date) FROM credit_notes)`.execute(db);
  const latestEvent = latest.rows[0]?.d ?? null;
  const ref = basis === 'due' ? sql.ref('i.due_date') : sql.ref('i.issue_date');
  const where = filterSql(f, asOf, bounds, ref);
  const cols = sql`i.id AS invoice_id, i.client_id, c.code, c.name, c.segment, i.currency, i.series, i.number, i.issue_date, i.due_date, i.amount, ${ref} AS ref_date`;
  if (latestEvent === null || latestEvent <= asOf) {
    // Rows need columns the partial index lacks; SQLite then prefers the issue_date index and reads the
    // whole book. Picking the open ids from the partial index first keeps it to the open ~5%.
    if (use === 'rows')
      return sql`WITH open_ids AS MATERIALIZED (SELECT id FROM invoices WHERE open_amount > 0 AND issue_date <= ${asOf})
        SELECT ${cols}, i.open_amount AS open
        FROM open_ids o JOIN invoices i ON i.id = o.id JOIN clients c ON c.id = i.client_id
        WHERE i.voided_at IS NULL${where}`;
    // grouped: only indexed columns are read, so the covering partial index invoices_open serves it
    return sql`SELECT ${cols}, i.open_amount AS open
      FROM invoices i JOIN clients c ON c.id = i.client_id
      WHERE i.open_amount > 0 AND i.voided_at IS NULL AND i.issue_date <= ${asOf}${where}`;
  }
  // Materialised so the correlated sums are computed once per candidate, not again for WHERE open > 0.
  return sql`WITH candidates AS MATERIALIZED (
      SELECT ${cols},
        i.amount
        - coalesce((SELECT sum(a.amount) FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.date <= ${asOf}), 0)
        - coalesce((SELECT sum(n.amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL AND n.date <= ${asOf}), 0) AS open
      FROM invoices i JOIN clients c ON c.id = i.client_id
      WHERE i.voided_at IS NULL AND i.issue_date <= ${asOf} AND (i.settled_on IS NULL OR i.settled_on > ${asOf})${where})
    SELECT * FROM candidates WHERE open > 0`;
}

function filterSql(f: AgingFilters, asOf: string, bounds: BucketBounds, ref: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (f.clientCode !== undefined) parts.push(sql`c.code = ${f.clientCode}`);
  if (f.currency !== undefined) parts.push(sql`i.currency = ${f.currency}`);
  if (f.segment === null) parts.push(sql`(c.segment IS NULL OR c.segment = '')`);
  else if (f.segment !== undefined) parts.push(sql`c.segment = ${f.segment}`);
  if (f.bucket !== undefined) {
    const r = bucketRefRange(asOf, bounds, f.bucket);
    if (r.minRef !== null) parts.push(sql`${ref} >= ${r.minRef}`);
    if (r.maxRefExclusive !== null) parts.push(sql`${ref} < ${r.maxRefExclusive}`);
  }
  return parts.length ? sql` AND ${sql.join(parts, sql` AND `)}` : sql``;
}

/** CASE expression giving the bucket index of `ref_date` (text comparisons against threshold dates). */
export function bucketCase(asOf: string, bounds: BucketBounds): RawBuilder<number> {
  const t = bucketThresholds(asOf, bounds);
  const whens = t.map((d, i) => sql`WHEN ref_date >= ${d} THEN ${sql.lit(i)}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(t.length)} END`;
}
