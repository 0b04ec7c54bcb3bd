import { sql } from 'kysely';
import type { DateWindow } from '#shared/domain/kpiPeriods';
import type { Ctx } from '../context';

export { monthWindows } from '#shared/domain/kpiPeriods';

/** Cents per currency per day: one row per (currency, date) that has at least one record. */
export type DayRow = { currency: string; date: string; s: number };

/**
 * Every currency an invoice was ever issued in, by stepping through `invoices_currency_issue`
 * (one index seek per currency, whatever the book's size).
 */
export async function invoiceCurrencies(ctx: Ctx): Promise<string[]> {
  const r = await sql<{ c: string | null }>`
    WITH RECURSIVE cur(c) AS (
      SELECT min(currency) FROM invoices
      UNION ALL SELECT (SELECT min(currency) FROM invoices WHERE currency > cur.c) FROM cur WHERE cur.c IS NOT NULL)
    SELECT c FROM cur WHERE c IS NOT NULL`.execute(ctx.db.withoutPlugins());
  return r.rows.map((x) => x.c!);
}

/**
 * Invoices issued in (after, end], voided ones excluded, summed per currency and day. One range of the
 * covering index `invoices_currency_issue` per currency, read in index order, so SQLite sums as it
 * reads (no sort) and only a few hundred rows leave the database.
 */
export async function invoicedByDay(ctx: Ctx, currencies: readonly string[], after: string, end: string): Promise<DayRow[]> {
  if (currencies.length === 0 || after >= end) return [];
  const r = await sql<DayRow>`
    SELECT currency, issue_date AS date, sum(amount) AS s FROM invoices
    WHERE currency IN (${sql.join(currencies)}) AND issue_date > ${after} AND issue_date <= ${end} AND voided_at IS NULL
    GROUP BY currency, issue_date`.execute(ctx.db.withoutPlugins());
  return r.rows;
}

/** Credit notes dated in (after, end], voided ones excluded, per currency and day (covering `credit_notes_date`). */
export async function creditedByDay(ctx: Ctx, after: string, end: string): Promise<DayRow[]> {
  if (after >= end) return [];
  const r = await sql<DayRow>`
    SELECT currency, date, sum(amount) AS s FROM credit_notes
    WHERE date > ${after} AND date <= ${end} AND voided_at IS NULL
    GROUP BY date, currency`.execute(ctx.db.withoutPlugins());
  return r.rows;
}

/** Payments received in [from, to], voided ones excluded, per currency (covering `payments_date`). */
export async function collectedIn(ctx: Ctx, from: string, to: string): Promise<Map<string, number>> {
  const r = await sql<DayRow>`
    SELECT currency, date, sum(amount) AS s FROM payments
    WHERE date >= ${from} AND date <= ${to} AND voided_at IS NULL
    GROUP BY date, currency`.execute(ctx.db.withoutPlugins());
  return sumIn(r.rows, from, to);
}

/** Per currency, the sum of the day rows dated in [from, to]; a currency is present when it has a row there. */
export function sumIn(rows: readonly DayRow[], from: string, to: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.date >= from && r.date <= to) out.set(r.currency, (out.get(r.currency) ?? 0) + Number(r.s));
  return out;
}

/**
 * Net sales per currency per window (newest first, contiguous, each (after, end]): invoices − credit
 * notes. A currency gets an entry as soon as one of its rows falls in a window, even if the sums are zero.
 */
export function foldWindows(invoices: readonly DayRow[], credits: readonly DayRow[], windows: readonly DateWindow[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [rows, sign] of [
    [invoices, 1],
    [credits, -1],
  ] as const) {
    for (const r of rows) {
      const w = windows.findIndex((x) => r.date > x.after && r.date <= x.end);
      if (w < 0) continue;
      let a = out.get(r.currency);
      if (!a) out.set(r.currency, (a = new Array<number>(windows.length).fill(0)));
      a[w]! += sign * Number(r.s);
    }
  }
  return out;
}

/** Whether a currency has a (not voided) invoice issued in (after, end]: one index seek. */
export async function hasInvoices(ctx: Ctx, currency: string, after: string, end: string): Promise<boolean> {
  const r = await sql<{ x: number }>`
    SELECT 1 AS x FROM invoices WHERE currency = ${currency} AND issue_date > ${after} AND issue_date <= ${end} AND voided_at IS NULL LIMIT 1`.execute(
    ctx.db.withoutPlugins(),
  );
  return r.rows.length > 0;
}

/** Net credit sales (invoices issued − credit notes dated) per currency per window (newest first, contiguous). */
export async function salesByWindow(ctx: Ctx, windows: readonly DateWindow[]): Promise<Map<string, number[]>> {
  if (windows.length === 0) return new Map();
  const first = windows[windows.length - 1]!.after;
  const last = windows[0]!.end;
  return foldWindows(await invoicedByDay(ctx, await invoiceCurrencies(ctx), first, last), await creditedByDay(ctx, first, last), windows);
}
