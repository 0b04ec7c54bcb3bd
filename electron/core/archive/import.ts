import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { Kysely, Migrator } from 'kysely';
import { CarteraSqliteDialect } from '../db/sqliteDialect';
import { expectedSchemasReady, harden } from '../db/schemaCheck';
import { makePrivate } from '../backups/fileSafety';
import { isMachineLocalSetting } from '../backups/auto';
import { assertTotalsExact } from '../invoices/moneyCap';
import { z } from 'zod';
import { CarteraError } from '../errors';
import { migrations, SCHEMA_VERSION } from '../db/migrations/index';
import { openDatabase } from '../db/open';
import { removeWithSidecars, fsyncFile } from '../backups/backup';
import { inspectDataFile, withReadonly } from '../backups/inspect';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, CELL_ENCODING, archiveTables, columnsOf, sha256 } from './export';
import { decodeValue } from './csv';

const MAX_ENTRY_BYTES = 2 ** 31 - 1; // a zip bomb stops here, not in the memory of the clerk's laptop

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  encoding: z.literal(CELL_ENCODING),
  schemaVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.string(),
  tables: z.record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    z.object({ rows: z.number().int().min(0), columns: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).min(1), file: z.string(), sha256: z.string() }),
  ),
});
type ParsedTable = { name: string; columns: string[]; rows: string[][] };

const damaged = (detail: string) => new CarteraError('validation', 'error.archive.damaged', { detail: detail.slice(0, 200) });

/** Reads and checks the whole archive (manifest, checksums, headers, counts) before anything is written. */
export function readArchive(zipBytes: Uint8Array): { schemaVersion: number; migrationNames: string[]; tables: ParsedTable[] } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes, {
      filter: (f) => f.originalSize <= MAX_ENTRY_BYTES && (f.name === 'manifest.json' || /^tables\/[A-Za-z0-9_]+\.csv$/.test(f.name)),
    });
  } catch (e) {
    throw new CarteraError('validation', 'error.archive.invalid', { detail: (e as Error).message.slice(0, 100) });
  }
  let manifest: z.infer<typeof manifestSchema>;
  try {
    manifest = manifestSchema.parse(JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())));
  } catch {
    throw new CarteraError('validation', 'error.archive.invalid', { detail: 'manifest.json' });
  }
  const tables: ParsedTable[] = [];
  for (const [name, t] of Object.entries(manifest.tables)) {
    const bytes = files[t.file];
    if (!bytes) throw damaged(`${t.file} missing`);
    if (sha256(bytes) !== t.sha256) throw damaged(`${t.file} checksum`);
    let records: string[][];
    try {
      records = parse(strFromU8(bytes), { bom: false, relax_column_count: false, skip_empty_lines: false, max_record_size: 2 ** 30 });
    } catch (e) {
      throw damaged(`${t.file}: ${(e as Error).message}`);
    }
    const [header, ...rows] = records;
    if (!header || header.join(',') !== t.columns.join(',')) throw damaged(`${t.file} header`);
    if (rows.length !== t.rows) throw damaged(`${t.file}: ${rows.length} rows, manifest says ${t.rows}`);
    tables.push({ name, columns: t.columns, rows });
  }
  const migrationTable = tables.find((t) => t.name === 'kysely_migration');
  const nameCol = migrationTable?.columns.indexOf('name') ?? -1;
  if (!migrationTable || nameCol < 0) throw damaged('kysely_migration missing');
  const migrationNames = migrationTable.rows.map((r) => r[nameCol]!).sort();
  const unknown = migrationNames.filter((n) => !(n in migrations));
  if (manifest.schemaVersion > SCHEMA_VERSION || unknown.length > 0)
    throw new CarteraError('validation', 'error.archive.newer', { found: Math.max(manifest.schemaVersion, migrationNames.length), known: SCHEMA_VERSION });
  if (migrationNames.length !== manifest.schemaVersion) throw damaged('schema version');
  return { schemaVersion: manifest.schemaVersion, migrationNames, tables };
}

/**
 * Imports a full archive into a new (or empty) data file, ids and audit log preserved. The file is built
 * beside the target at the archive's schema version, loaded in one transaction and verified, brought to
 * this version by the normal migrations, and only then renamed into place: on any failure the target
 * is as it was.
 */
export async function importArchiveFile(
  target: string,
  zipFile: string,
  opts: { nativeBinding?: string; now?: () => Date } = {},
): Promise<{ file: string; tables: Record<string, number> }> {
  const file = path.resolve(target);
  await expectedSchemasReady;
  assertEmptyTarget(file, opts.nativeBinding);
  const archive = readArchive(fs.readFileSync(zipFile));
  const tmp = `${file}.importing`;
  removeWithSidecars(tmp);
  try {
    await createAtVersion(tmp, archive.migrationNames.at(-1)!, opts.nativeBinding);
    load(tmp, archive.tables, opts.nativeBinding);
    const db = await openDatabase(tmp, { nativeBinding: opts.nativeBinding, now: opts.now, backupDir: path.join(path.dirname(file), 'backups') });
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.pragma('journal_mode = DELETE'); // one self-contained file to rename; the app sets WAL again on open
    await db.close();
    makePrivate(tmp);
    fsyncFile(tmp);
    // the target held no data (checked above); its old -wal must not be replayed onto the new file
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    fs.renameSync(tmp, file);
  } finally {
    removeWithSidecars(tmp);
  }
  return { file, tables: Object.fromEntries(archive.tables.map((t) => [t.name, t.rows.length])) };
}

/** Only a missing file, an empty one, or a Cartera file with no data in any table may be imported into. */
function assertEmptyTarget(file: string, nativeBinding: string | undefined): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  inspectDataFile(file, { nativeBinding, check: 'quick' });
  const seeded = new Set(['kysely_migration', 'kysely_migration_lock', 'sqlite_sequence', 'policy_stages']);
  withReadonly(file, nativeBinding, (db) => {
    for (const t of archiveTables(db)) {
      if (seeded.has(t.name)) continue;
      if (db.prepare(`SELECT 1 FROM "${t.name}" LIMIT 1`).get()) throw new CarteraError('invalid_state', 'error.archive.not_empty', { file });
    }
  });
}

/** A fresh file with the schema the archive was written with: the migrations up to its last one. */
async function createAtVersion(file: string, lastMigration: string, nativeBinding: string | undefined): Promise<void> {
  const sqlite = new BetterSqlite3(file, { nativeBinding });
  const db = new Kysely<unknown>({ dialect: new CarteraSqliteDialect({ database: sqlite }) });
  try {
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(lastMigration);
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}

/** Replaces every table's rows with the archive's, in one transaction; foreign keys checked at commit. */
function load(file: string, tables: ParsedTable[], nativeBinding: string | undefined): void {
  const sqlite = new BetterSqlite3(file, { nativeBinding });
  try {
    harden(sqlite);
    sqlite.pragma('foreign_keys = ON');
    const present = new Set(archiveTables(sqlite).map((t) => t.name));
    const given = new Set(tables.map((t) => t.name));
    for (const name of present) if (!given.has(name) && name !== 'sqlite_sequence') throw damaged(`table ${name} missing`);
    sqlite.transaction(() => {
      sqlite.pragma('defer_foreign_keys = ON');
      // sqlite_sequence last: inserting rows with explicit ids moves it; the archive's value wins
      const ordered = [...tables].sort((a, b) => Number(a.name === 'sqlite_sequence') - Number(b.name === 'sqlite_sequence'));
      for (const t of ordered) {
        if (!present.has(t.name)) {
          if (t.name === 'sqlite_sequence' && t.rows.length === 0) continue;
          throw damaged(`unknown table ${t.name}`);
        }
        const cols = columnsOf(sqlite, t.name);
        // every column the archive's schema version has: a missing one would silently take its default
        const absent = cols.find((c) => !t.columns.includes(c.name));
        if (absent) throw damaged(`column ${t.name}.${absent.name} missing`);
        const rows = t.name === 'app_settings' ? t.rows.filter((r) => !isMachineLocalSetting(r[t.columns.indexOf('key')] ?? '')) : t.rows;
        const affinities = t.columns.map((c) => {
          const col = cols.find((x) => x.name === c);
          if (!col) throw damaged(`unknown column ${t.name}.${c}`);
          return col.affinity;
        });
        sqlite.prepare(`DELETE FROM "${t.name}"`).run(); // migration seeds (and empty financial tables: no trigger fires)
        const insert = sqlite.prepare(`INSERT INTO "${t.name}" (${t.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`);
        for (const row of rows) insert.run(...row.map((cell, i) => decodeValue(cell, affinities[i]!)));
        const n = (sqlite.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n;
        if (n !== rows.length) throw damaged(`${t.name}: ${n} rows loaded, ${rows.length} expected`);
      }
      const fk = sqlite.prepare('PRAGMA foreign_key_check').all();
      if (fk.length > 0) throw damaged(`${fk.length} broken references`);
      assertTotalsExact(sqlite);
    })();
    const verdict = (sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') throw new CarteraError('database', 'error.db.corrupt', { detail: verdict.slice(0, 200) });
  } finally {
    sqlite.close();
  }
}
