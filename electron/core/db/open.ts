import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, type MigrationProvider } from 'kysely';
import { backupFileName } from '#shared/domain/backupRotation';
import { CarteraError } from '../errors';
import { leaveCleanMarker, takeCleanMarker } from './cleanShutdown';
import { migrations, SCHEMA_VERSION } from './migrations/index';
import { CarteraSqliteDialect } from './sqliteDialect';
import { isReadOnlyFile } from './readOnly';
import { expectedSchemasReady, harden, verifySchema } from './schemaCheck';
import { createPrivateFile, makePrivate, makePrivateWithSidecars, mkdirPrivate } from '../backups/fileSafety';
import type { DB } from './schema';

export type Database = {
  db: Kysely<DB>;
  sqlite: BetterSqlite3.Database;
  file: string;
  schemaVersion: number;
  /** where the pre-migration copy went, when one was made */
  migrationBackup: string | null;
  /** opened read-only: asked for, or the file cannot (or must not) be written */
  readonly: boolean;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** path of an Electron build of better_sqlite3.node; Node uses the one npm built */
  nativeBinding?: string;
  /** folder for the copy made before migrating; default: beside the file */
  backupDir?: string;
  readonly?: boolean;
  /** an instant for naming the pre-migration copy (tests pass a fixed one) */
  now?: () => Date;
  /** a second connection to a file this process has open and checked (the engine's worker): no checks, no marker */
  shared?: boolean;
};

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const provider: MigrationProvider = { getMigrations: async () => migrations };
const bindings = new WeakMap<BetterSqlite3.Database, string | undefined>();

/** The native binding a handle was opened with, so backups and checks open their files with the same one. */
export function nativeBindingOf(sqlite: BetterSqlite3.Database): string | undefined {
  return bindings.get(sqlite);
}

/** The one place a database file is opened: checks it, migrates it (after a copy) and sets the pragmas. */
export async function openDatabase(file: string, opts: OpenOptions = {}): Promise<Database> {
  const exists = file !== ':memory:' && fs.existsSync(file) && fs.statSync(file).size > 0;
  await expectedSchemasReady;
  const readonly = opts.readonly ?? (exists && isReadOnlyFile(file));
  // the whole-file quick_check only when the file is not exactly as a clean close left it (cleanShutdown.ts)
  const markers = file !== ':memory:' && !readonly && !opts.shared;
  const clean = exists && (opts.shared || (markers && takeCleanMarker(file)));
  if (exists) preflight(file, opts, !clean);
  if (!exists && file !== ':memory:' && !readonly) createPrivateFile(file);

  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { nativeBinding: opts.nativeBinding, readonly });
    bindings.set(sqlite, opts.nativeBinding);
    harden(sqlite);
  } catch (e) {
    throw asDbError(e);
  }
  try {
    if (!readonly) {
      sqlite.pragma('journal_mode = WAL');
      // FULL: a committed payment survives a power cut, not only an app crash.
      sqlite.pragma('synchronous = FULL');
      makePrivateWithSidecars(file); // books made before files were created 0600
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');

    const dialect = new CarteraSqliteDialect({ database: sqlite });
    const db = new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });
    const applied = appliedMigrations(sqlite);
    let migrationBackup: string | null = null;
    // a read-only book cannot be upgraded, and this version's queries need the current schema
    if (readonly && applied.length < SCHEMA_VERSION)
      throw new CarteraError('database', 'error.db.readonly_outdated', { found: applied.length, known: SCHEMA_VERSION });
    if (applied.length < SCHEMA_VERSION && !readonly) {
      if (exists && applied.length > 0) migrationBackup = await copyBeforeMigration(sqlite, file, opts);
      const migrator = new Migrator({ db: db.withoutPlugins(), provider });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
      sqlite.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    return {
      db,
      sqlite,
      file,
      schemaVersion: SCHEMA_VERSION,
      migrationBackup,
      readonly,
      close: async () => {
        await db.destroy(); // closes the better-sqlite3 handle too
        if (markers) leaveCleanMarker(file);
      },
    };
  } catch (e) {
    if (sqlite.open) sqlite.close();
    throw asDbError(e);
  }
}

/** Read-only checks before anything may write to an existing file: type, integrity, version. */
function preflight(file: string, opts: OpenOptions, quickCheck: boolean): void {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(16);
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_MAGIC)) throw new CarteraError('database', 'error.db.not_sqlite');
  let ro: BetterSqlite3.Database | null = null;
  try {
    ro = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding });
    harden(ro);
    if (quickCheck) assertQuickCheck(ro);
    verifySchema(ro); // before anything reads a table: a planted view or trigger never runs
    const applied = appliedMigrations(ro);
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length > 0) {
      throw new CarteraError('database', 'error.db.newer', { found: applied.length, known: SCHEMA_VERSION });
    }
  } catch (e) {
    throw asDbError(e);
  } finally {
    ro?.close();
  }
}

/** SQLite's quick_check over the whole file: seconds on a big book, so only when there is a doubt. */
export function assertQuickCheck(sqlite: BetterSqlite3.Database): void {
  const rows = sqlite.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const verdict = rows.map((r) => r.quick_check).join('; ');
  if (verdict !== 'ok') throw new CarteraError('database', 'error.db.corrupt', { detail: verdict.slice(0, 200) });
}

function appliedMigrations(sqlite: BetterSqlite3.Database): string[] {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  if (!table) return [];
  return (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

/** SQLite's online backup API: a consistent copy even with WAL, never a raw file copy. */
async function copyBeforeMigration(sqlite: BetterSqlite3.Database, file: string, opts: OpenOptions): Promise<string> {
  const dir = opts.backupDir ?? path.join(path.dirname(file), 'backups');
  mkdirPrivate(dir);
  // named like every other backup, so it is listed, restorable from Settings, and rotated after a while
  const at = opts.now?.() ?? new Date();
  let n = 1;
  let dest = path.join(dir, backupFileName(at, 'pre-migration'));
  while (fs.existsSync(dest)) dest = path.join(dir, backupFileName(at, 'pre-migration', ++n));
  // a temporary name until the copy is complete and on disk: a kill mid-copy never leaves a
  // half-written file under a backup's name
  const tmp = `${dest}.partial`;
  try {
    await sqlite.backup(tmp);
    makePrivate(tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, dest);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return dest;
}

function asDbError(e: unknown): unknown {
  if (e instanceof CarteraError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB') return new CarteraError('database', 'error.db.not_sqlite');
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) return new CarteraError('database', 'error.db.corrupt', { detail: message });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new CarteraError('database', 'error.db.busy');
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT' || code === 'EACCES')
    return new CarteraError('database', 'error.db.unreadable', { detail: message });
  return e;
}
