import { sql, type RawBuilder } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import { monthWindows, trendMonthEnds } from '#shared/domain/kpiPeriods';
import type { KpiTrend, KpiTrendCurrency } from '#shared/domain/kpiReport';
import { dsoSimple, round1OrNull } from '#shared/domain/kpis';
import type { Ctx } from '../context';
import { salesByWindow } from './sales';

type Cell = { currency: string; ie: number; de: number; s: number };

/** Index of the first month-end a date is on or before (`<=`) or strictly before (`<`); n when none. */
function endCase(expr: RawBuilder<unknown>, ends: readonly string[], op: '<=' | '<'): RawBuilder<number> {
  const whens = ends.map((e, i) => sql`WHEN ${expr} ${sql.raw(op)} ${e} THEN ${sql.lit(i)}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(ends.length)} END`;
}

/**
 * AR, overdue and simple DSO at each of the last `months` month-ends, per currency, for the trend chart.
 *
 * Twelve agings would each rebuild every balance; instead one pass groups invoices by (first month-end
 * they are issued by, first month-end they are overdue at) and one pass does the same for allocations
 * and credit notes. AR at a month-end is then invoiced − settled up to it, overdue the part already past
 * due. An event dated before its invoice's issue date counts from the issue date, as the aging does
 * (the invoice is not in the aging before it exists), so the figures equal the aging totals exactly.
 */
export async function kpisTrend(ctx: Ctx, input: ParsedInputOf<'kpis.trend'>): Promise<KpiTrend> {
  const ends = trendMonthEnds(input.asOf, input.months);
  const last = ends[ends.length - 1]!;
  const n = ends.length;
  const db = ctx.db.withoutPlugins();
  const inv = await sql<Cell>`
    SELECT currency, ${endCase(sql.ref('issue_date'), ends, '<=')} AS ie, ${endCase(sql.ref('due_date'), ends, '<')} AS de, sum(amount) AS s
    FROM invoices WHERE voided_at IS NULL AND issue_date <= ${last} GROUP BY currency, ie, de`.execute(db);
  const eff = sql`(CASE WHEN x.date > i.issue_date THEN x.date ELSE i.issue_date END)`;
  const ev = await sql<Cell>`
    SELECT i.currency, ${endCase(eff, ends, '<=')} AS ie, ${endCase(sql.ref('i.due_date'), ends, '<')} AS de, sum(x.amount) AS s
    FROM (SELECT invoice_id, date, amount FROM payment_allocations WHERE voided_at IS NULL AND date <= ${last}
          UNION ALL SELECT invoice_id, date, amount FROM credit_notes WHERE voided_at IS NULL AND date <= ${last}) x
    JOIN invoices i ON i.id = x.invoice_id
    WHERE i.voided_at IS NULL AND i.issue_date <= ${last}
    GROUP BY i.currency, ie, de`.execute(db);
  const windows = monthWindows(last, n).reverse(); // oldest first, like `ends`
  const sales = await salesByWindow(ctx, [...windows].reverse());

  const byCur = new Map<string, { ar: number[]; overdue: number[] }>();
  const get = (c: string) => {
    let x = byCur.get(c);
    if (!x) byCur.set(c, (x = { ar: new Array<number>(n).fill(0), overdue: new Array<number>(n).fill(0) }));
    return x;
  };
  for (const [rows, sign] of [[inv.rows, 1], [ev.rows, -1]] as const) {
    for (const r of rows) {
      const x = get(r.currency);
      const s = sign * Number(r.s);
      for (let k = r.ie; k < n; k++) {
        x.ar[k]! += s;
        if (r.de <= k) x.overdue[k]! += s;
      }
    }
  }
  for (const c of sales.keys()) get(c);
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
