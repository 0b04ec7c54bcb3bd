import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../context';

/**
 * The aging rule, in one place, for every balance shown "today" (client page, client list, invoices):
 * only payments and credit notes dated on or before the day reduce an invoice. (An invoice entered with
 * an issue date after today still counts: it is owed, and not yet due.) Post-dated payments (deferred cheques) are kept and allocated, but they do not lower what
 * is owed today; screens show them apart.
 *
 * Written from the maintained open amount (amount − every active event, invoices/balance.ts) plus the
 * events dated after the day, so the usual case — nothing post-dated — reads only the open invoices.
 */
export async function hasEventsAfter(ctx: Ctx, day: string): Promise<boolean> {
  const r = await sql<{ d: string | null }>`
    SELECT max(d) AS d FROM (
      SELECT max(date) AS d FROM payment_allocations
      UNION ALL SELECT max(date) FROM credit_notes)`.execute(ctx.db.withoutPlugins());
  const latest = r.rows[0]?.d ?? null;
  return latest !== null && latest > day;
}

/** What of invoice `i` is open as of `day` (minor units). `post`: whether any event is dated after it. */
export function openAsOfSql(day: string, post: boolean): RawBuilder<number> {
  if (!post) return sql<number>`i.open_amount`;
  return sql<number>`(i.open_amount
    + coalesce((SELECT sum(a.amount) FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.date > ${day}), 0)
    + coalesce((SELECT sum(n.amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL AND n.date > ${day}), 0))`;
}

/** Which invoices `i` can have something open as of `day`: the partial index of open ones, plus (only when
 * something is post-dated) those settled after the day. */
export function countsAsOfSql(day: string, post: boolean): RawBuilder<boolean> {
  const open = post ? sql`(i.open_amount > ${0} OR i.settled_on > ${day})` : sql`i.open_amount > ${0}`;
  return sql<boolean>`i.voided_at IS NULL AND ${open}`;
}

/**
 * The part of invoice `i`'s open amount `o` under an open dispute: the whole of it when a dispute names
 * no amount, else the disputed amounts (never more than is open). Disputed money is shown apart and is
 * not chased as overdue.
 */
export function disputedSql(o: RawBuilder<number>): RawBuilder<number> {
  return sql<number>`coalesce((SELECT CASE WHEN count(*) = 0 THEN 0 WHEN count(d.amount) < count(*) THEN ${o} ELSE min(${o}, sum(d.amount)) END
    FROM disputes d WHERE d.invoice_id = i.id AND d.status = 'open'), 0)`;
}

/**
 * One row per invoice with something open as of `day`: client_id, currency, due_date, open, disputed.
 * `where` narrows the invoices (a client id list) so a page of clients reads only its own.
 */
export function openItemsTodaySql(day: string, post: boolean, where: RawBuilder<unknown> = sql`1`): RawBuilder<unknown> {
  const open = openAsOfSql(day, post);
  return sql`SELECT client_id, currency, due_date, open, ${disputedSql(sql<number>`open`)} AS disputed FROM (
      SELECT i.id, i.client_id, i.currency, i.due_date, ${open} AS open FROM invoices i
      WHERE ${countsAsOfSql(day, post)} AND ${where}) i
    WHERE open > 0`;
}

/**
 * Per invoice, the payments and credit notes dated after `day` (minor units): what the maintained open
 * amount already subtracts but today's balance must not. Only invoices with such events are in the map.
 */
export async function postDatedByInvoice(ctx: Ctx, invoiceIds: readonly number[], day: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (invoiceIds.length === 0 || !(await hasEventsAfter(ctx, day))) return out;
  const ids = sql.join(invoiceIds.map((id) => sql`${id}`));
  const r = await sql<{ invoice_id: number; amount: number }>`
    SELECT invoice_id, sum(amount) AS amount FROM (
      SELECT invoice_id, amount FROM payment_allocations WHERE invoice_id IN (${ids}) AND voided_at IS NULL AND date > ${day}
      UNION ALL SELECT invoice_id, amount FROM credit_notes WHERE invoice_id IN (${ids}) AND voided_at IS NULL AND date > ${day})
    GROUP BY invoice_id`.execute(ctx.db.withoutPlugins());
  for (const row of r.rows) out.set(row.invoice_id, Number(row.amount));
  return out;
}
