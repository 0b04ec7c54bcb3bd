import { sql } from 'kysely';
import { invoiceStatus } from '#shared/domain/invoiceStatus';
import { formatDate } from '#shared/domain/dates';
import { fillLabel, type ReportLabels } from '#shared/domain/reportLabels';
import type { Ctx } from '../context';
import type { Table } from './table';

export type ListKind = 'invoices' | 'payments' | 'interactions';

/**
 * The invoices issued, payments dated, or interactions that occurred in [from, to], as one table each,
 * read in a single query (client code and name joined in) ordered by date.
 */
export async function listTable(ctx: Ctx, kind: ListKind, from: string, to: string, L: ReportLabels): Promise<Table> {
  const db = ctx.db.withoutPlugins();
  const subtitle = fillLabel(L.period, { from: formatDate(from, ctx.locale), to: formatDate(to, ctx.locale) });
  if (kind === 'invoices') {
    type R = {
      code: string;
      name: string;
      series: string;
      number: string;
      issue_date: string;
      due_date: string;
      currency: string;
      amount: number;
      open_amount: number;
      voided_at: string | null;
      description: string | null;
    };
    const r = await sql<R>`
      SELECT c.code, c.name, i.series, i.number, i.issue_date, i.due_date, i.currency, i.amount, i.open_amount, i.voided_at, i.description
      FROM invoices i JOIN clients c ON c.id = i.client_id
      WHERE i.issue_date >= ${from} AND i.issue_date <= ${to} ORDER BY i.issue_date, i.id`.execute(db);
    const today = ctx.clock.today();
    return {
      name: L.invoices,
      title: L.invoices,
      subtitle,
      columns: [
        { header: L.code, kind: 'text', width: 12 },
        { header: L.client, kind: 'text', width: 32 },
        { header: L.invoice, kind: 'text', width: 18 },
        { header: L.issueDate, kind: 'date', width: 12 },
        { header: L.dueDate, kind: 'date', width: 12 },
        { header: L.currency, kind: 'text', width: 9 },
        { header: L.amount, kind: 'money', width: 15 },
        { header: L.open, kind: 'money', width: 15 },
        { header: L.status, kind: 'text', width: 12 },
        { header: L.description, kind: 'text', width: 30 },
      ],
      rows: r.rows.map((x) => ({
        currency: x.currency,
        cells: [
          x.code,
          x.name,
          x.series ? `${x.series}-${x.number}` : x.number,
          x.issue_date,
          x.due_date,
          x.currency,
          x.amount,
          x.open_amount,
          invoiceStatus({ amount: x.amount, openAmount: x.open_amount, dueDate: x.due_date, voidedAt: x.voided_at }, today),
          x.description,
        ],
      })),
      totals: totalsBy(
        r.rows.filter((x) => x.voided_at === null),
        L,
        10,
        (x) => [
          [6, x.amount],
          [7, x.open_amount],
        ],
      ),
    };
  }
  if (kind === 'payments') {
    type R = {
      code: string;
      name: string;
      date: string;
      currency: string;
      amount: number;
      unapplied_amount: number;
      method: string;
      reference: string | null;
      voided_at: string | null;
    };
    const r = await sql<R>`
      SELECT c.code, c.name, p.date, p.currency, p.amount, p.unapplied_amount, p.method, p.reference, p.voided_at
      FROM payments p JOIN clients c ON c.id = p.client_id
      WHERE p.date >= ${from} AND p.date <= ${to} ORDER BY p.date, p.id`.execute(db);
    return {
      name: L.payments,
      title: L.payments,
      subtitle,
      columns: [
        { header: L.code, kind: 'text', width: 12 },
        { header: L.client, kind: 'text', width: 32 },
        { header: L.date, kind: 'date', width: 12 },
        { header: L.currency, kind: 'text', width: 9 },
        { header: L.amount, kind: 'money', width: 15 },
        { header: L.unapplied, kind: 'money', width: 15 },
        { header: L.method, kind: 'text', width: 12 },
        { header: L.reference, kind: 'text', width: 20 },
        { header: L.voided, kind: 'text', width: 22 },
      ],
      rows: r.rows.map((x) => ({
        currency: x.currency,
        cells: [x.code, x.name, x.date, x.currency, x.amount, x.unapplied_amount, x.method, x.reference, x.voided_at],
      })),
      totals: totalsBy(
        r.rows.filter((x) => x.voided_at === null),
        L,
        9,
        (x) => [
          [4, x.amount],
          [5, x.unapplied_amount],
        ],
      ),
    };
  }
  type R = {
    code: string;
    name: string;
    occurred_at: string;
    channel: string;
    direction: string;
    outcome: string | null;
    notes: string | null;
    next_action: string | null;
    next_action_on: string | null;
  };
  // occurred_at is an ISO instant: the period's last day runs to its end
  const r = await sql<R>`
    SELECT c.code, c.name, x.occurred_at, x.channel, x.direction, x.outcome, x.notes, x.next_action, x.next_action_on
    FROM interactions x JOIN clients c ON c.id = x.client_id
    WHERE x.occurred_at >= ${from} AND x.occurred_at < ${`${to}T99`} ORDER BY x.occurred_at, x.id`.execute(db);
  return {
    name: L.interactions,
    title: L.interactions,
    subtitle,
    columns: [
      { header: L.code, kind: 'text', width: 12 },
      { header: L.client, kind: 'text', width: 32 },
      { header: L.when, kind: 'text', width: 22 },
      { header: L.channel, kind: 'text', width: 11 },
      { header: L.direction, kind: 'text', width: 10 },
      { header: L.outcome, kind: 'text', width: 14 },
      { header: L.notes, kind: 'text', width: 40 },
      { header: L.nextAction, kind: 'text', width: 24 },
      { header: L.nextActionOn, kind: 'date', width: 12 },
    ],
    rows: r.rows.map((x) => ({
      currency: null,
      cells: [x.code, x.name, x.occurred_at, x.channel, x.direction, x.outcome, x.notes, x.next_action, x.next_action_on],
    })),
    totals: [],
  };
}

/** One bold totals row per currency (voided records excluded), money columns summed as integers. */
function totalsBy<T extends { currency: string }>(rows: T[], L: ReportLabels, nCols: number, money: (x: T) => [number, number][]): Table['totals'] {
  const by = new Map<string, (string | number | null)[]>();
  for (const x of rows) {
    let t = by.get(x.currency);
    if (!t) {
      t = new Array<string | number | null>(nCols).fill(null);
      t[0] = fillLabel(L.totalOf, { currency: x.currency });
      by.set(x.currency, t);
    }
    for (const [i, v] of money(x)) t[i] = ((t[i] as number | null) ?? 0) + v;
  }
  return [...by.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, cells]) => ({ currency, cells }));
}
