import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { CarteraError } from '../errors';
import { harden, verifySchema } from '../db/schemaCheck';

export type Counts = { clients: number; invoices: number; payments: number };
export type FileInfo = { file: string; bytes: number; schemaVersion: number; counts: Counts };
export type CheckLevel = 'none' | 'quick' | 'integrity';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Looks at a data file (a backup, a file to restore, a file that failed to open) without changing it:
 * type, integrity at the requested level, schema version and counts. Throws a CarteraError with the
 * same keys as openDatabase so every screen and the CLI say the same thing.
 */
export function inspectDataFile(file: string, opts: { nativeBinding?: string; check?: CheckLevel } = {}): FileInfo {
  let bytes: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw Object.assign(new Error(`${file} is not a file`), { code: 'EISDIR' });
    bytes = st.size;
  } catch (e) {
    throw new CarteraError('database', 'error.db.unreadable', { detail: (e as Error).message.slice(0, 200) });
  }
  if (!hasSqliteHeader(file)) throw new CarteraError('database', 'error.db.not_sqlite');
  return withReadonly(file, opts.nativeBinding, (db) => {
    if (opts.check && opts.check !== 'none') {
      const verdict = pragmaVerdict(db, opts.check === 'quick' ? 'quick_check' : 'integrity_check');
      if (verdict !== 'ok') throw new CarteraError('database', 'error.db.corrupt', { detail: verdict.slice(0, 200) });
    }
    // a SQLite file that never went through our migrations is someone else's database
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'kysely_migration'").get()) throw new CarteraError('database', 'error.db.not_sqlite');
    // the schema is checked before the counts read any table, so a planted view never runs here
    const applied = verifySchema(db);
    return { file, bytes, schemaVersion: applied.length, counts: countsOf(db) };
  });
}

export function hasSqliteHeader(file: string): boolean {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, header, 0, 16, 0) === 16 && header.equals(SQLITE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens read-only, runs fn, always closes; SQLite errors become the catalogue's database errors. */
export function withReadonly<T>(file: string, nativeBinding: string | undefined, fn: (db: BetterSqlite3.Database) => T): T {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding });
    harden(db);
    return fn(db);
  } catch (e) {
    throw asDbError(e);
  } finally {
    db?.close();
  }
}

export function pragmaVerdict(db: BetterSqlite3.Database, pragma: 'quick_check' | 'integrity_check'): string {
  return (db.pragma(pragma, { simple: false }) as Record<string, string>[]).map((r) => r[pragma]).join('; ');
}

function countsOf(db: BetterSqlite3.Database): Counts {
  const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { clients: n('clients'), invoices: n('invoices'), payments: n('payments') };
}

export function asDbError(e: unknown): unknown {
  if (e instanceof CarteraError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB') return new CarteraError('database', 'error.db.not_sqlite');
  if (code.startsWith('SQLITE_CORRUPT')) return new CarteraError('database', 'error.db.corrupt', { detail: message.slice(0, 200) });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new CarteraError('database', 'error.db.busy');
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'ENOENT' || code === 'EACCES')
    return new CarteraError('database', 'error.db.unreadable', { detail: message.slice(0, 200) });
  return e;
}
