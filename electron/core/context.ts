import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '#shared/domain/dates';
import type { DB } from './db/schema';

/** What every service needs, passed in rather than reached for: the database, the time, the language. */
export type Ctx = {
  db: Kysely<DB>;
  /** the raw handle, only for backups and pragmas; services use `db` */
  sqlite: BetterSqlite3.Database;
  file: string;
  clock: Clock;
  /** BCP 47 locale for messages; read from settings, overridable per call */
  locale: string;
  appVersion: string;
  /** the book was opened read-only: writes are refused with error.db.readonly */
  readOnly?: boolean;
  /** long operations (imports) report (done, total) here when the caller listens, e.g. over IPC */
  progress?: (done: number, total: number) => void;
};

/** Runs fn in one transaction, or inside the caller's if there already is one. */
export async function inTransaction<T>(ctx: Ctx, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

export function nowIso(ctx: Pick<Ctx, 'clock'>): string {
  return ctx.clock.now().toISOString();
}
