import { sql } from 'kysely';
import type { CurrencyBalance } from '#shared/contract/clients';
import type { Ctx } from '../context';

/**
 * Balances per client and currency from the maintained open amounts (the partial index on open
 * invoices), plus unapplied payments as the client's credit. Never summed across currencies.
 */
export async function balancesFor(ctx: Ctx, clientIds: readonly number[]): Promise<Map<number, CurrencyBalance[]>> {
  const out = new Map<number, CurrencyBalance[]>();
  if (clientIds.length === 0) return out;
  const today = ctx.clock.today();
  const open = await ctx.db
    .selectFrom('invoices')
    .select([
      'clientId',
      'currency',
      sql<number>`sum(open_amount)`.as('open'),
      sql<number>`sum(case when due_date < ${today} then open_amount else 0 end)`.as('overdue'),
      sql<string | null>`min(case when due_date < ${today} then due_date end)`.as('oldestOverdue'),
    ])
    .where('openAmount', '>', 0)
    .where('voidedAt', 'is', null)
    .where('clientId', 'in', clientIds)
    .groupBy(['clientId', 'currency'])
    .execute();
  const credit = await ctx.db
    .selectFrom('payments')
    .select(['clientId', 'currency', sql<number>`sum(unapplied_amount)`.as('credit')])
    .where('unappliedAmount', '>', 0)
    .where('voidedAt', 'is', null)
    .where('clientId', 'in', clientIds)
    .groupBy(['clientId', 'currency'])
    .execute();
  const todayDay = Date.parse(today) / 86_400_000;
  const get = (clientId: number, currency: string): CurrencyBalance => {
    let list = out.get(clientId);
    if (!list) out.set(clientId, (list = []));
    let b = list.find((x) => x.currency === currency);
    if (!b) list.push((b = { currency, open: 0, overdue: 0, credit: 0, maxDaysOverdue: 0 }));
    return b;
  };
  for (const r of open) {
    const b = get(r.clientId, r.currency);
    b.open = Number(r.open);
    b.overdue = Number(r.overdue);
    b.maxDaysOverdue = r.oldestOverdue ? Math.round(todayDay - Date.parse(r.oldestOverdue) / 86_400_000) : 0;
  }
  for (const r of credit) get(r.clientId, r.currency).credit = Number(r.credit);
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
