import { sql } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import { buildAgingReport, DEFAULT_BOUNDS, type AgingReport, type OpenItem } from '#shared/domain/aging';
import { toEpochDay } from '#shared/domain/dates';
import type { Ctx } from '../context';
import { agingReportSql } from './views';

type Row = { code: string; name: string; segment: string | null; currency: string; refDate: string; open: number };

/**
 * Open items as of a date. When no payment or credit is dated after it, the maintained open amounts
 * are exact and only the ~5% open invoices are read (partial index). Otherwise each candidate invoice's
 * balance is rebuilt from events dated on or before the date; invoices settled by then are skipped.
 */
export async function openItemsAsOf(ctx: Ctx, asOf: string, basis: 'due' | 'issue'): Promise<Row[]> {
  const refCol = basis === 'due' ? sql.ref('i.due_date') : sql.ref('i.issue_date');
  const db = ctx.db.withoutPlugins();
  const latest = await sql<{ d: string | null }>`
    SELECT max(d) AS d FROM (
      SELECT max(date) AS d FROM payment_allocations
      UNION ALL SELECT max(date) FROM credit_notes)`.execute(db);
  const latestEvent = latest.rows[0]?.d ?? null;
  if (latestEvent === null || latestEvent <= asOf) {
    const r = await sql<Row>`
      SELECT c.code, c.name, c.segment, i.currency, ${refCol} AS refDate, i.open_amount AS open
      FROM invoices i JOIN clients c ON c.id = i.client_id
      WHERE i.open_amount > 0 AND i.voided_at IS NULL AND i.issue_date <= ${asOf}`.execute(db);
    return r.rows;
  }
  const r = await sql<Row>`
    SELECT * FROM (
      SELECT c.code, c.name, c.segment, i.currency, ${refCol} AS refDate,
        i.amount
        - coalesce((SELECT sum(a.amount) FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.date <= ${asOf}), 0)
        - coalesce((SELECT sum(n.amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL AND n.date <= ${asOf}), 0) AS open
      FROM invoices i JOIN clients c ON c.id = i.client_id
      WHERE i.voided_at IS NULL AND i.issue_date <= ${asOf} AND (i.settled_on IS NULL OR i.settled_on > ${asOf}))
    WHERE open > 0`.execute(db);
  return r.rows;
}

/** The public aging JSON; grouped in SQL (views.ts) so only one row per client × currency × bucket leaves the database. */
export async function agingReport(ctx: Ctx, input: ParsedInputOf<'aging.report'>): Promise<AgingReport> {
  return agingReportSql(ctx, input);
}

/** The same report built in JS from every open item: the reference the SQL grouping is tested against. */
export async function agingReportFromItems(ctx: Ctx, input: ParsedInputOf<'aging.report'>): Promise<AgingReport> {
  const bounds = input.bounds ?? DEFAULT_BOUNDS;
  const rows = await openItemsAsOf(ctx, input.asOf, input.basis);
  const asOfDay = toEpochDay(input.asOf);
  const items: OpenItem[] = rows.map((r) => ({
    clientCode: r.code,
    clientName: r.name,
    segment: r.segment,
    currency: r.currency,
    days: asOfDay - toEpochDay(r.refDate),
    open: Number(r.open),
  }));
  return buildAgingReport(input.asOf, items, bounds);
}
