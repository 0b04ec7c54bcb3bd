import { sql } from 'kysely';
import { bucketIndex, bucketLabels, daysPastDue, DEFAULT_BOUNDS } from '#shared/domain/aging';
import type { Cents } from '#shared/domain/money';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { documentNumber } from './figures';

export type StatementLine = { date: string; kind: 'invoice' | 'payment' | 'credit_note'; reference: string; debit: Cents; credit: Cents; balance: Cents };

/** A statement of account for one currency: brought forward, every movement of the period, closing, aging. */
export type Statement = {
  currency: string;
  from: string;
  to: string;
  broughtForward: Cents;
  lines: StatementLine[];
  closing: Cents;
  /** the closing balance by age of its open invoices as of `to`; `unapplied` is credit not yet applied */
  aging: { labels: string[]; buckets: Cents[]; unapplied: Cents };
};

type Move = { currency: string; date: string; kind: StatementLine['kind']; series: string; number: string; amount: number; seq: number };

/**
 * Debits are invoices (by issue date); credits are payments (the whole payment, so credit not yet applied
 * counts) and credit notes. Voided records are left out. The aging buckets plus the unapplied credit add
 * up to the closing balance.
 */
export async function statementOf(ctx: Ctx, clientId: number, from: string, to: string): Promise<Statement[]> {
  const client = await ctx.db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
  if (!client) throw notFound('client', clientId);
  const db = ctx.db.withoutPlugins();
  const moves = (
    await sql<Move>`
      SELECT currency, issue_date AS date, 'invoice' AS kind, series, number, amount, id AS seq FROM invoices WHERE client_id = ${clientId} AND voided_at IS NULL AND issue_date <= ${to}
      UNION ALL SELECT currency, date, 'payment', '', coalesce(reference, ''), amount, id FROM payments WHERE client_id = ${clientId} AND voided_at IS NULL AND date <= ${to}
      UNION ALL SELECT currency, date, 'credit_note', '', number, amount, id FROM credit_notes WHERE client_id = ${clientId} AND voided_at IS NULL AND date <= ${to}
      ORDER BY 1, 2, 3 DESC, 7`.execute(db)
  ).rows;
  const open = (
    await sql<{ currency: string; dueDate: string; open: number }>`
      SELECT i.currency, i.due_date AS dueDate,
        i.amount
        - coalesce((SELECT sum(a.amount) FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.date <= ${to}), 0)
        - coalesce((SELECT sum(n.amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL AND n.date <= ${to}), 0) AS open
      FROM invoices i WHERE i.client_id = ${clientId} AND i.voided_at IS NULL AND i.issue_date <= ${to}`.execute(db)
  ).rows;
  const currencies = [...new Set(moves.map((m) => m.currency))].sort();
  return currencies.map((currency) => {
    let balance = 0;
    let broughtForward = 0;
    const lines: StatementLine[] = [];
    for (const m of moves.filter((x) => x.currency === currency)) {
      const signed = m.kind === 'invoice' ? m.amount : -m.amount;
      if (m.date < from) {
        broughtForward += signed;
        balance = broughtForward;
        continue;
      }
      balance += signed;
      lines.push({
        date: m.date,
        kind: m.kind,
        reference: documentNumber(m.series, m.number),
        debit: (signed > 0 ? signed : 0) as Cents,
        credit: (signed < 0 ? -signed : 0) as Cents,
        balance: balance as Cents,
      });
    }
    const closing = broughtForward + lines.reduce((s, l) => s + l.debit - l.credit, 0);
    const buckets = bucketLabels(DEFAULT_BOUNDS).map(() => 0);
    for (const o of open.filter((x) => x.currency === currency && x.open > 0)) buckets[bucketIndex(daysPastDue(to, o.dueDate), DEFAULT_BOUNDS)]! += o.open;
    const invoicesOpen = buckets.reduce((s, b) => s + b, 0);
    return {
      currency,
      from,
      to,
      broughtForward: broughtForward as Cents,
      lines,
      closing: closing as Cents,
      aging: { labels: bucketLabels(DEFAULT_BOUNDS), buckets: buckets as Cents[], unapplied: (closing - invoicesOpen) as Cents },
    };
  });
}
