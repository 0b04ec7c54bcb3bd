import type BetterSqlite3 from 'better-sqlite3';
import { CarteraError } from '../errors';

/**
 * Every total Cartera shows (aging, KPIs, balances, exports) adds up amounts of one currency from
 * invoices, payments and credit notes, in SQL and in JavaScript numbers. Keeping the sum of all of them
 * per currency at or below Number.MAX_SAFE_INTEGER means no such total, nor any step on the way, can
 * lose a cent; a write that would pass it is refused (the transaction rolls back). Real books are many
 * orders of magnitude below: 2^53 cents is 90 trillion in any currency.
 *
 * Summing a large book takes a few hundred milliseconds, too slow for every payment, so the totals are
 * cached per connection and brought up to date from the rows added since (ids only grow: AUTOINCREMENT,
 * and financial rows are never deleted). The cache is rebuilt when another connection committed
 * (PRAGMA data_version changed) or when a write can change existing amounts (invoices.update).
 */
const TABLES = ['invoices', 'payments', 'credit_notes'] as const;
const LIMIT = BigInt(Number.MAX_SAFE_INTEGER);

/** Operations that can add amounts to the book; the check runs in their transaction, before commit. */
export const MONEY_WRITES: ReadonlySet<string> = new Set([
  'invoices.create',
  'invoices.update',
  'payments.record',
  'creditNotes.create',
  'imports.run',
  'demo.load',
]);
const CHANGES_EXISTING: ReadonlySet<string> = new Set(['invoices.update']);

type Totals = { dataVersion: number; lastIds: Record<string, bigint>; byCurrency: Map<string, bigint> };
const cache = new WeakMap<BetterSqlite3.Database, Totals>();

export function assertTotalsExact(sqlite: BetterSqlite3.Database, method = ''): void {
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  let totals = cache.get(sqlite);
  if (!totals || totals.dataVersion !== dataVersion || CHANGES_EXISTING.has(method))
    totals = { dataVersion, lastIds: { invoices: 0n, payments: 0n, credit_notes: 0n }, byCurrency: new Map() };
  for (const t of TABLES) {
    const since = totals.lastIds[t]!;
    // safeIntegers: sums come back as exact BigInts (SQLite's sum is exact in 64 bits and raises on overflow)
    let rows: { currency: string; total: bigint; last: bigint }[];
    try {
      rows = sqlite
        .prepare(`SELECT currency, sum(amount) AS total, max(id) AS last FROM ${t} WHERE id > ? GROUP BY currency`)
        .safeIntegers(true)
        .all(since) as typeof rows;
    } catch (e) {
      if (!/integer overflow/i.test(String(e))) throw e;
      cache.delete(sqlite);
      throw new CarteraError('validation', 'error.money.total_too_large', { currency: '?' });
    }
    for (const r of rows) {
      totals.byCurrency.set(r.currency, (totals.byCurrency.get(r.currency) ?? 0n) + r.total);
      if (r.last > totals.lastIds[t]!) totals.lastIds[t] = r.last;
    }
  }
  cache.set(sqlite, totals);
  for (const [currency, total] of totals.byCurrency) {
    if (total > LIMIT) {
      cache.delete(sqlite); // this transaction rolls back: its rows must not stay counted
      throw new CarteraError('validation', 'error.money.total_too_large', { currency });
    }
  }
}
