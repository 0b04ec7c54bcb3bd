import { sql } from 'kysely';
import type { CurrencyBalance } from '#shared/contract/clients';
import type { Ctx } from '../context';
import { hasEventsAfter, openItemsTodaySql } from '../invoices/asOf';

/**
 * Balances per client and currency as of today by the aging rule (invoices/asOf.ts): post-dated
 * payments and credits do not reduce them and are listed apart; disputed amounts are shown apart and not
 * counted as overdue. Unapplied payments dated up to today are the client's credit. Never summed across
 * currencies.
 */
export async function balancesFor(ctx: Ctx, clientIds: readonly number[]): Promise<Map<number, CurrencyBalance[]>> {
  const out = new Map<number, CurrencyBalance[]>();
  if (clientIds.length === 0) return out;
  const today = ctx.clock.today();
  const post = await hasEventsAfter(ctx, today);
  const db = ctx.db.withoutPlugins();
  const ids = sql.join(clientIds.map((id) => sql`${id}`));
  const open = await sql<{ client_id: number; currency: string; open: number; overdue: number; disputed: number; oldest: string | null }>`
    SELECT client_id, currency, sum(open) AS open, sum(disputed) AS disputed,
      sum(CASE WHEN due_date < ${today} THEN open - disputed ELSE 0 END) AS overdue,
      min(CASE WHEN due_date < ${today} AND open > disputed THEN due_date END) AS oldest
    FROM (${openItemsTodaySql(today, post, sql`i.client_id IN (${ids})`)})
    GROUP BY client_id, currency`.execute(db);
  const credit = await sql<{ client_id: number; currency: string; credit: number }>`
    SELECT client_id, currency, sum(unapplied_amount) AS credit FROM payments
    WHERE unapplied_amount > 0 AND voided_at IS NULL AND date <= ${today} AND client_id IN (${ids})
    GROUP BY client_id, currency`.execute(db);
  const postDated = await sql<{ client_id: number; currency: string; date: string; amount: number }>`
    SELECT client_id, currency, date, sum(amount) AS amount FROM payments
    WHERE voided_at IS NULL AND date > ${today} AND client_id IN (${ids})
    GROUP BY client_id, currency, date ORDER BY date`.execute(db);
  const todayDay = Date.parse(today) / 86_400_000;
  const get = (clientId: number, currency: string): CurrencyBalance => {
    let list = out.get(clientId);
    if (!list) out.set(clientId, (list = []));
    let b = list.find((x) => x.currency === currency);
    if (!b) list.push((b = { currency, open: 0, overdue: 0, credit: 0, maxDaysOverdue: 0, disputed: 0, postDated: [] }));
    return b;
  };
  for (const r of open.rows) {
    const b = get(r.client_id, r.currency);
    b.open = Number(r.open);
    b.overdue = Number(r.overdue);
    b.disputed = Number(r.disputed);
    b.maxDaysOverdue = r.oldest ? Math.round(todayDay - Date.parse(r.oldest) / 86_400_000) : 0;
  }
  for (const r of credit.rows) get(r.client_id, r.currency).credit = Number(r.credit);
  for (const r of postDated.rows) get(r.client_id, r.currency).postDated.push({ date: r.date, amount: Number(r.amount) });
  for (const list of out.values()) list.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return out;
}

export type ClientCounts = { invoiceCount: number; openInvoiceCount: number; paymentCount: number };

/**
 * How many invoices (all, and open) and payments a client has, for "showing 200 of 4,400" on its page.
 * One statement, each count answered from an index alone (invoices_client_due, a partial index of open
 * invoices, a payments index by client), never the tables.
 */
export async function countsFor(ctx: Ctx, clientId: number): Promise<ClientCounts> {
  const r = await sql<ClientCounts>`
    SELECT (SELECT count(*) FROM invoices WHERE client_id = ${clientId}) AS invoiceCount,
      (SELECT count(*) FROM invoices WHERE client_id = ${clientId} AND open_amount > 0) AS openInvoiceCount,
      (SELECT count(*) FROM payments WHERE client_id = ${clientId}) AS paymentCount`.execute(ctx.db.withoutPlugins());
  const c = r.rows[0]!;
  return { invoiceCount: Number(c.invoiceCount), openInvoiceCount: Number(c.openInvoiceCount), paymentCount: Number(c.paymentCount) };
}
