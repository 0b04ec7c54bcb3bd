import { sql, type RawBuilder } from 'kysely';
import { isMonthEnd, type DateWindow } from '#shared/domain/kpiPeriods';
import type { Ctx } from '../context';

export { monthWindows } from '#shared/domain/kpiPeriods';

/** CASE giving the index of the window a date column falls in (windows newest first, contiguous). */
export function windowCase(col: string, windows: readonly DateWindow[]): RawBuilder<number> {
  const whens = windows.map((w, i) => sql`WHEN ${sql.ref(col)} > ${w.after} THEN ${sql.lit(i)}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE -1 END`;
}

/** Net credit sales (invoices issued − credit notes dated) per currency per window: two grouped queries. */
export async function salesByWindow(ctx: Ctx, windows: readonly DateWindow[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (windows.length === 0) return out;
  const first = windows[windows.length - 1]!.after;
  const last = windows[0]!.end;
  const db = ctx.db.withoutPlugins();
  type Row = { currency: string; w: number | string; s: number };
  // Calendar months (the usual case) group by 'YYYY-MM', about twice as fast as a 24-way CASE per row.
  const calendar = isMonthEnd(last) && windows.every((w) => isMonthEnd(w.after));
  const byMonth = new Map(windows.map((w, i) => [w.end.slice(0, 7), i]));
  const key = (col: string) => (calendar ? sql`substr(${sql.ref(col)}, 1, 7)` : windowCase(col, windows));
  const inv = await sql<Row>`
    SELECT currency, ${key('issue_date')} AS w, sum(amount) AS s FROM invoices
    WHERE voided_at IS NULL AND issue_date > ${first} AND issue_date <= ${last} GROUP BY currency, w`.execute(db);
  const cn = await sql<Row>`
    SELECT currency, ${key('date')} AS w, sum(amount) AS s FROM credit_notes
    WHERE voided_at IS NULL AND date > ${first} AND date <= ${last} GROUP BY currency, w`.execute(db);
  for (const [rows, sign] of [[inv.rows, 1], [cn.rows, -1]] as const) {
    for (const row of rows) {
      const r = { ...row, w: typeof row.w === 'string' ? (byMonth.get(row.w) ?? -1) : row.w };
      if (r.w < 0) continue;
      let a = out.get(r.currency);
      if (!a) out.set(r.currency, (a = new Array<number>(windows.length).fill(0)));
      a[r.w]! += sign * Number(r.s);
    }
  }
  return out;
}
