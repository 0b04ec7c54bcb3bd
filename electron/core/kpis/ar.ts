import { sql, type RawBuilder } from 'kysely';
import type { AgingBasis } from '#shared/domain/agingViews';
import type { Ctx } from '../context';

/**
 * Receivables at past dates without rebuilding every balance.
 *
 * An invoice's balance at D is `amount − events dated ≤ D` (allocations and credit notes, voided ones
 * excluded), which equals `open_amount + events dated > D`, since `open_amount` is the balance after
 * all of them. So AR at D (invoices issued on or before D, not voided) is
 *   Σ open_amount of the invoices open today issued ≤ D        (partial covering index invoices_open)
 * + Σ events dated after D on invoices issued ≤ D                 (one pass over the events after D)
 * which is exactly the aging total as of D (the same invoices, each with the same balance; balances are
 * never negative, so the aging leaving out zero balances changes no sum). The work grows with the
 * events since D, not with the size of the book.
 *
 * The events are read from the covering date indexes, sorted by invoice id and then joined to their
 * invoice (currency, dates), so the lookups walk the invoices table in order.
 */
export function eventsAfter(after: RawBuilder<unknown> | string): RawBuilder<unknown> {
  return sql`SELECT invoice_id, date, amount, 1 AS alloc FROM payment_allocations INDEXED BY payment_allocations_date WHERE date > ${after} AND voided_at IS NULL
    UNION ALL SELECT invoice_id, date, amount, 0 FROM credit_notes INDEXED BY credit_notes_date WHERE date > ${after} AND voided_at IS NULL
    ORDER BY invoice_id`;
}

export type PeriodAr = {
  /** AR at `begin` (all buckets) */
  begin: number;
  /** AR at `end`, its current part (reference date ≥ end) and its part over 90 days (reference date < end − 90) */
  end: number;
  endCurrent: number;
  endOver90: number;
  /** allocations dated in (begin, end], to any invoice (voided ones included, as the report always did) */
  applied: number;
  /** whether any allocation is dated in (begin, end] in this currency */
  hasApplied: boolean;
};

/**
 * The aging skips invoices settled on or before its date, trusting `settled_on` (the latest event date
 * of a settled invoice, kept by invoices/balance.ts). Where a book breaks that rule (the demo generator
 * does for a few invoices) the same skip keeps these figures equal to the aging's.
 */
const unsettledAt = (d: string) => sql`(i.settled_on IS NULL OR i.settled_on > ${d})`;

type Row = { currency: string; b: number; e: number; cur: number; o90: number; ap: number; nap: number };

/**
 * AR at the end of `begin` and at `end` (begin < end) per currency, the end split like the aging's
 * buckets on `basis` (`currentFrom` = first reference date still current, `over90Before` = first
 * reference date not over 90), and the allocations of (begin, end]: two queries.
 */
export async function periodAr(
  ctx: Ctx,
  begin: string,
  end: string,
  basis: AgingBasis,
  currentFrom: string,
  over90Before: string,
): Promise<Map<string, PeriodAr>> {
  const db = ctx.db.withoutPlugins();
  const ref = (t: string) => sql.ref(`${t}.${basis === 'due' ? 'due_date' : 'issue_date'}`);
  const open = await sql<Row>`
    SELECT currency, sum(iif(issue_date <= ${begin}, open_amount, 0)) AS b, sum(open_amount) AS e,
      sum(iif(${ref('i')} >= ${currentFrom}, open_amount, 0)) AS cur, sum(iif(${ref('i')} < ${over90Before}, open_amount, 0)) AS o90, 0 AS ap, 0 AS nap
    FROM invoices i INDEXED BY invoices_open WHERE open_amount > 0 AND voided_at IS NULL AND issue_date <= ${end}
    GROUP BY currency`.execute(db);
  const later = sql`i.voided_at IS NULL AND x.date > ${end} AND i.issue_date <= ${end} AND ${unsettledAt(end)}`;
  const events = await sql<Row>`
    WITH x AS MATERIALIZED (${eventsAfter(begin)})
    SELECT i.currency,
      sum(iif(i.voided_at IS NULL AND i.issue_date <= ${begin} AND ${unsettledAt(begin)}, x.amount, 0)) AS b,
      sum(iif(${later}, x.amount, 0)) AS e,
      sum(iif(${later} AND ${ref('i')} >= ${currentFrom}, x.amount, 0)) AS cur,
      sum(iif(${later} AND ${ref('i')} < ${over90Before}, x.amount, 0)) AS o90,
      sum(iif(x.alloc = 1 AND x.date <= ${end}, x.amount, 0)) AS ap,
      sum(iif(x.alloc = 1 AND x.date <= ${end}, 1, 0)) AS nap
    FROM x CROSS JOIN invoices i ON i.id = x.invoice_id
    GROUP BY i.currency`.execute(db);
  const out = new Map<string, PeriodAr>();
  for (const r of [...open.rows, ...events.rows]) {
    let a = out.get(r.currency);
    if (!a) out.set(r.currency, (a = { begin: 0, end: 0, endCurrent: 0, endOver90: 0, applied: 0, hasApplied: false }));
    a.begin += Number(r.b);
    a.end += Number(r.e);
    a.endCurrent += Number(r.cur);
    a.endOver90 += Number(r.o90);
    a.applied += Number(r.ap);
    a.hasApplied ||= Number(r.nap) > 0;
  }
  return out;
}
