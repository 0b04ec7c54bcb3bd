import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator } from 'kysely';
import { CarteraError } from '../errors';
import { migrations } from './migrations/index';
import { CarteraSqliteDialect } from './sqliteDialect';

/**
 * A data file is only trusted when its schema is exactly what our migrations create: a planted trigger
 * (rewriting a name, adding a cent, deleting an audit row), a view standing in for a table or a
 * recursive view would otherwise run inside the app. The file's sqlite_master is read (which executes
 * nothing) and compared before any statement touches a user table, so a hostile view can never run.
 */
export type SchemaEntry = { type: string; name: string; table: string; sql: string };

/** Expected schema per schema version (0 = only Kysely's bookkeeping tables), built once per process. */
const expected = new Map<number, SchemaEntry[]>();
const MIGRATION_NAMES = Object.keys(migrations).sort();

/**
 * Runs the migrations on an in-memory database, one version at a time, and records the schema after
 * each. Started when this module loads: it needs no I/O, so it has finished long before any file is
 * opened; async entry points still await it.
 */
export const expectedSchemasReady: Promise<void> = buildExpected();

async function buildExpected(): Promise<void> {
  const sqlite = new BetterSqlite3(':memory:');
  const db = new Kysely<unknown>({ dialect: new CarteraSqliteDialect({ database: sqlite }) });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    for (const [i, name] of MIGRATION_NAMES.entries()) {
      const { error } = await migrator.migrateTo(name);
      if (error) throw error;
      const schema = readSchema(sqlite);
      if (i === 0)
        expected.set(
          0,
          schema.filter((e) => e.name.startsWith('kysely_')),
        );
      expected.set(i + 1, schema);
    }
  } finally {
    await db.destroy();
  }
}

/** Our own connections run nothing a file's schema asks for that is not innocuous. */
export function harden(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('trusted_schema = OFF');
}

/** sqlite_master as comparable entries; SQL with whitespace collapsed; statistics tables ignored. */
export function readSchema(sqlite: BetterSqlite3.Database): SchemaEntry[] {
  const rows = sqlite.prepare('SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master').all() as {
    type: string;
    name: string;
    tbl: string;
    sql: string | null;
  }[];
  return rows
    .filter((r) => !/^sqlite_stat\d$/.test(r.name))
    .map((r) => ({ type: r.type, name: r.name, table: r.tbl, sql: (r.sql ?? '').replace(/\s+/g, ' ').trim() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Checks a file's schema and returns its applied migration names (in order); throws
 * error.db.schema_mismatch naming the first difference, or error.db.newer for unknown migrations.
 * A file with no schema at all returns [] (a new, empty file). Reads nothing but sqlite_master and
 * kysely_migration, the latter only once it is known to be a plain table.
 */
export function verifySchema(sqlite: BetterSqlite3.Database): string[] {
  const actual = readSchema(sqlite);
  if (actual.length === 0) return [];
  const base = expectedFor(0);
  const migrationTable = actual.find((e) => e.name === 'kysely_migration');
  const expectedTable = base.find((e) => e.name === 'kysely_migration')!;
  if (!migrationTable || migrationTable.type !== 'table' || migrationTable.sql !== expectedTable.sql) throw mismatch(describeDifference(actual, base));
  const applied = (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  const unknown = applied.filter((n) => !(n in migrations));
  if (unknown.length > 0) throw new CarteraError('database', 'error.db.newer', { found: applied.length, known: MIGRATION_NAMES.length });
  if (applied.some((n, i) => n !== MIGRATION_NAMES[i])) throw mismatch(`migrations ${applied.join(', ').slice(0, 120)}`);
  const difference = describeDifference(actual, expectedFor(applied.length));
  if (difference) throw mismatch(difference);
  return applied;
}

function expectedFor(version: number): SchemaEntry[] {
  const schema = expected.get(version);
  // only reachable if a synchronous caller ran in the very tick this module loaded: refuse, never guess
  if (!schema) throw mismatch('expected schema not ready');
  return schema;
}

/** The first difference in words for the message, or '' when there is none. */
function describeDifference(actual: SchemaEntry[], want: SchemaEntry[]): string {
  const byName = new Map(want.map((e) => [e.name, e]));
  // the most telling difference first: a planted object or a table swapped for a view, then changed SQL
  // (renaming a table rewrites the foreign keys of the tables that point at it)
  for (const e of actual) {
    const w = byName.get(e.name);
    if (!w) return `unexpected ${e.type} ${e.name}`;
    if (w.type !== e.type) return `${e.name} is a ${e.type}, expected a ${w.type}`;
  }
  for (const e of actual) {
    const w = byName.get(e.name)!;
    if (w.table !== e.table || w.sql !== e.sql) return `${e.type} ${e.name} differs`;
  }
  const have = new Set(actual.map((e) => e.name));
  const missing = want.find((e) => !have.has(e.name));
  return missing ? `missing ${missing.type} ${missing.name}` : '';
}

const mismatch = (detail: string) => new CarteraError('database', 'error.db.schema_mismatch', { detail: detail.slice(0, 200) });
