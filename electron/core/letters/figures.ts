import { sql } from 'kysely';
import { invoiceInterest, interestTotals, type BalanceEvent } from '#shared/domain/lateInterest';
import type { Cents } from '#shared/domain/money';
import type { Ctx } from '../context';
import { getPolicy } from '../workflow/policy';

/** One overdue invoice as a letter states it (minor units). */
export type LetterInvoiceLine = {
  invoiceId: number;
  number: string;
  issueDate: string;
  dueDate: string;
  balance: Cents;
  daysLate: number;
  interest: Cents;
  fee: Cents;
};

/** What a letter states for one currency; `--json` prints these (public shape: keep the names). */
export type LetterFigures = {
  clientCode: string;
  currency: string;
  date: string;
  annualPct: number;
  overdue: Cents;
  interest: Cents;
  fees: Cents;
  total: Cents;
  invoices: LetterInvoiceLine[];
  /** disputed invoices: left out of the demand and stated apart */
  disputed: { number: string; balance: Cents }[];
};

type Row = { id: number; series: string; number: string; currency: string; issueDate: string; dueDate: string; amount: number; disputed: number };

export function documentNumber(series: string, number: string): string {
  return [series, number].filter(Boolean).join('-');
}

/**
 * The figures of a demand as of `date`, per currency: every invoice overdue and open at that date
 * (balances rebuilt from the payments and credit notes dated up to it), with interest computed day by
 * day on what was open each day at the policy's rate for the currency, and its fixed fee.
 */
export async function letterFigures(ctx: Ctx, clientId: number, date: string): Promise<LetterFigures[]> {
  const client = await ctx.db.selectFrom('clients').select(['code']).where('id', '=', clientId).executeTakeFirstOrThrow();
  const policy = await getPolicy(ctx);
  const db = ctx.db.withoutPlugins();
  const rows = (
    await sql<Row>`
      SELECT i.id, i.series, i.number, i.currency, i.issue_date AS issueDate, i.due_date AS dueDate, i.amount,
        EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.status = 'open') AS disputed
      FROM invoices i
      WHERE i.client_id = ${clientId} AND i.voided_at IS NULL AND i.issue_date <= ${date} AND i.due_date < ${date}
        AND (i.settled_on IS NULL OR i.settled_on > ${date})
      ORDER BY i.currency, i.due_date, i.id`.execute(db)
  ).rows;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const events = new Map<number, BalanceEvent[]>();
  for (let k = 0; k < ids.length; k += 500) {
    const chunk = ids.slice(k, k + 500);
    const ev = await sql<{ invoiceId: number; date: string; amount: number }>`
      SELECT invoice_id AS invoiceId, date, amount FROM payment_allocations WHERE voided_at IS NULL AND date <= ${date} AND invoice_id IN (${sql.join(chunk)})
      UNION ALL
      SELECT invoice_id, date, amount FROM credit_notes WHERE voided_at IS NULL AND date <= ${date} AND invoice_id IN (${sql.join(chunk)})`.execute(db);
    for (const e of ev.rows) events.set(e.invoiceId, [...(events.get(e.invoiceId) ?? []), { date: e.date, amount: e.amount }]);
  }
  const byCurrency = new Map<string, LetterFigures>();
  for (const r of rows) {
    const terms = policy.lateInterest[r.currency] ?? { annualPct: 0, fee: 0 };
    const line = invoiceInterest({ amount: r.amount, dueDate: r.dueDate, events: events.get(r.id) ?? [] }, date, terms);
    if (line.balance <= 0) continue;
    let f = byCurrency.get(r.currency);
    if (!f) {
      f = {
        clientCode: client.code,
        currency: r.currency,
        date,
        annualPct: terms.annualPct,
        overdue: 0 as Cents,
        interest: 0 as Cents,
        fees: 0 as Cents,
        total: 0 as Cents,
        invoices: [],
        disputed: [],
      };
      byCurrency.set(r.currency, f);
    }
    const number = documentNumber(r.series, r.number);
    if (r.disputed) f.disputed.push({ number, balance: line.balance });
    else f.invoices.push({ invoiceId: r.id, number, issueDate: r.issueDate, dueDate: r.dueDate, ...line });
  }
  for (const f of byCurrency.values()) Object.assign(f, interestTotals(f.invoices));
  return [...byCurrency.values()].filter((f) => f.invoices.length > 0 || f.disputed.length > 0);
}
