import { sql } from 'kysely';
import { addDays } from '#shared/domain/dates';
import { judgePromise, type PromiseOutcome } from '#shared/domain/kpis';
import type { Ctx } from '../context';

type PromiseRow = {
  id: number;
  client_id: number;
  invoice_id: number | null;
  currency: string;
  amount: number;
  promised_date: string;
  start: string;
  settled_on: string | null;
};
type Receipt = { key: number; date: string; amount: number };

/**
 * Outcomes of the promises that fell due in [from, to] (cancelled ones excluded), per currency.
 *
 * How "paid" is measured: for a promise on an invoice, the allocations to that invoice; for a promise
 * without one, the client's payments in the promise's currency. Only receipts dated from the promise's
 * start (the earlier of its creation date and its interaction's date, since promises are often recorded
 * after the call) to promised date + grace count. The promise is kept when they cover its amount or the
 * invoice was settled by then. Undecided promises (deadline not reached, not yet kept) are left out.
 * Overlapping promises on one invoice may each count the same payment: each promise is judged alone.
 *
 * Three queries in all (promises, allocations of their invoices, payments of their clients).
 */
export async function promiseOutcomes(ctx: Ctx, from: string, to: string, graceDays: number): Promise<Map<string, PromiseOutcome[]>> {
  const db = ctx.db.withoutPlugins();
  const latest = addDays(to, graceDays);
  const promises = (
    await sql<PromiseRow>`
      SELECT p.id, p.client_id, p.invoice_id, p.currency, p.amount, p.promised_date,
        CASE WHEN ix.occurred_at IS NOT NULL AND substr(ix.occurred_at, 1, 10) < substr(p.created_at, 1, 10)
          THEN substr(ix.occurred_at, 1, 10) ELSE substr(p.created_at, 1, 10) END AS start,
        i.settled_on
      FROM promises p
      LEFT JOIN interactions ix ON ix.id = p.interaction_id
      LEFT JOIN invoices i ON i.id = p.invoice_id
      WHERE p.promised_date >= ${from} AND p.promised_date <= ${to} AND p.status <> 'cancelled'`.execute(db)
  ).rows;
  const out = new Map<string, PromiseOutcome[]>();
  if (promises.length === 0) return out;

  const byInvoice = group(
    (
      await sql<Receipt>`
        SELECT a.invoice_id AS key, a.date, a.amount FROM payment_allocations a
        WHERE a.voided_at IS NULL AND a.date <= ${latest}
          AND a.invoice_id IN (SELECT invoice_id FROM promises WHERE promised_date >= ${from} AND promised_date <= ${to} AND invoice_id IS NOT NULL)`.execute(
        db,
      )
    ).rows,
  );
  const byClient = new Map<string, Receipt[]>();
  const clientRows = (
    await sql<Receipt & { currency: string }>`
      SELECT pm.client_id AS key, pm.currency, pm.date, pm.amount FROM payments pm
      WHERE pm.voided_at IS NULL AND pm.date <= ${latest}
        AND pm.client_id IN (SELECT client_id FROM promises WHERE promised_date >= ${from} AND promised_date <= ${to} AND invoice_id IS NULL)`.execute(db)
  ).rows;
  for (const r of clientRows) push(byClient, `${r.key}|${r.currency}`, r);

  const today = ctx.clock.today();
  for (const p of promises) {
    const receipts = p.invoice_id !== null ? (byInvoice.get(p.invoice_id) ?? []) : (byClient.get(`${p.client_id}|${p.currency}`) ?? []);
    const outcome = judgePromise(
      { amount: Number(p.amount), start: p.start, promisedDate: p.promised_date, settledOn: p.invoice_id !== null ? p.settled_on : null },
      receipts.map((r) => ({ date: r.date, amount: Number(r.amount) })),
      addDays(p.promised_date, graceDays),
      today,
    );
    if (outcome) push(out, p.currency, outcome);
  }
  return out;
}

function group(rows: Receipt[]): Map<number, Receipt[]> {
  const m = new Map<number, Receipt[]>();
  for (const r of rows) push(m, r.key, r);
  return m;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}
