import { sql, type RawBuilder } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import { monthWindows, trendMonthEnds } from '#shared/domain/kpiPeriods';
import type { KpiTrend, KpiTrendCurrency } from '#shared/domain/kpiReport';
import { dsoSimple, round1OrNull } from '#shared/domain/kpis';
import type { Ctx } from '../context';
import { eventsAfter } from './ar';
import { hasInvoices, invoiceCurrencies, salesByWindow } from './sales';

type Cell = { currency: string; ie: number; de: number; ke: number; s: number };

/** Index of the first month-end a date is on or before (`<=`) or strictly before (`<`); n when none. */
function endCase(expr: RawBuilder<unknown>, ends: readonly string[], op: '<=' | '<'): RawBuilder<number> {
  const whens = ends.map((e, i) => sql`WHEN ${expr} ${sql.raw(op)} ${e} THEN ${sql.lit(i)}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(ends.length)} END`;
}

/**
 * AR, overdue and simple DSO at each of the last `months` month-ends, per currency, for the trend chart.
 *
 * As in ar.ts, AR at a month-end is today's open balance of the invoices issued by then plus the events
 * dated after it on those invoices; so one pass over today's open invoices and one over the events since
 * the first month-end, each grouped by (first month-end issued by, first month-end overdue at, and for
 * events the first month-end on or after their date), give all twelve figures. An event counts for the
 * month-ends before its date on invoices issued by then: exactly what the aging as of each of them
 * subtracts (the aging ignores an invoice before it is issued, whatever its events' dates).
 */
export async function kpisTrend(ctx: Ctx, input: ParsedInputOf<'kpis.trend'>): Promise<KpiTrend> {
  const ends = trendMonthEnds(input.asOf, input.months);
  const last = ends[ends.length - 1]!;
  const n = ends.length;
  const db = ctx.db.withoutPlugins();
  const open = await sql<Cell>`
    SELECT currency, ${endCase(sql.ref('issue_date'), ends, '<=')} AS ie, ${endCase(sql.ref('due_date'), ends, '<')} AS de, ${sql.lit(n)} AS ke, sum(open_amount) AS s
    FROM invoices INDEXED BY invoices_open WHERE open_amount > 0 AND voided_at IS NULL AND issue_date <= ${last} GROUP BY currency, ie, de`.execute(db);
  const ev = await sql<Cell>`
    WITH x AS MATERIALIZED (${eventsAfter(ends[0]!)})
    SELECT i.currency, ${endCase(sql.ref('i.issue_date'), ends, '<=')} AS ie, ${endCase(sql.ref('i.due_date'), ends, '<')} AS de,
      ${endCase(sql.ref('x.date'), ends, '<=')} AS ke, sum(x.amount) AS s
    FROM x CROSS JOIN invoices i ON i.id = x.invoice_id
    WHERE i.voided_at IS NULL AND i.issue_date <= ${last}
    GROUP BY i.currency, ie, de, ke`.execute(db);
  const windows = monthWindows(last, n).reverse(); // oldest first, like `ends`
  const sales = await salesByWindow(ctx, [...windows].reverse());

  const byCur = new Map<string, { ar: number[]; overdue: number[] }>();
  const get = (c: string) => {
    let x = byCur.get(c);
    if (!x) byCur.set(c, (x = { ar: new Array<number>(n).fill(0), overdue: new Array<number>(n).fill(0) }));
    return x;
  };
  // a balance counts from the month-end it is issued by (ie) until, for an event, the one on or after its date (ke)
  for (const rows of [open.rows, ev.rows]) {
    for (const r of rows) {
      const x = get(r.currency);
      const s = Number(r.s);
      for (let k = r.ie; k < r.ke; k++) {
        x.ar[k]! += s;
        if (r.de <= k) x.overdue[k]! += s;
      }
    }
  }
  for (const c of sales.keys()) get(c);
  // every currency invoiced by the last month-end has a line, even one long settled (all zeros)
  for (const c of await invoiceCurrencies(ctx)) if (!byCur.has(c) && (await hasInvoices(ctx, c, '', last))) get(c);
  const currencies: KpiTrendCurrency[] = [...byCur.keys()].sort().map((currency) => {
    const x = byCur.get(currency)!;
    const s = [...(sales.get(currency) ?? new Array<number>(n).fill(0))].reverse();
    return {
      currency,
      ar: x.ar,
      overdue: x.overdue,
      sales: s,
      dsoSimple: x.ar.map((ar, k) => round1OrNull(dsoSimple(ar, s[k] ?? 0, windows[k]!.days))),
    };
  });
  return { asOf: input.asOf, monthEnds: ends, currencies };
}
