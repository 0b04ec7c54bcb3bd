import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { CarteraError } from '../errors';
import { affinityOf, csvRow, encodeValue, type Affinity } from './csv';
import { writeFileAtomic } from '../exports/atomicWrite';

export const ARCHIVE_FORMAT = 'cartera-archive';
export const ARCHIVE_VERSION = 1;
export const CELL_ENCODING = 'cartera-csv-1';

export type TableManifest = { rows: number; columns: string[]; file: string; sha256: string };
export type Manifest = {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  /** how cells are written: see archive/csv.ts */
  encoding: typeof CELL_ENCODING;
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  tables: Record<string, TableManifest>;
};

export type Column = { name: string; affinity: Affinity };

/** Every table the archive carries: all of ours, the migration log, and sqlite_sequence (ids are never reused). */
export function archiveTables(sqlite: BetterSqlite3.Database): { name: string; withoutRowid: boolean }[] {
  const rows = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite\\_%' ESCAPE '\\' OR name = 'sqlite_sequence') ORDER BY name")
    .all() as {
    name: string;
    sql: string | null;
  }[];
  return rows.map((r) => ({ name: r.name, withoutRowid: /WITHOUT\s+ROWID/i.test(r.sql ?? '') }));
}

export function columnsOf(sqlite: BetterSqlite3.Database, table: string): Column[] {
  return (sqlite.prepare(`SELECT name, type FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string; type: string }[]).map((c) => ({
    name: c.name,
    affinity: affinityOf(c.type),
  }));
}

/**
 * The whole file as one zip: `manifest.json` and `tables/<name>.csv`. All tables are read in one read
 * transaction, so the archive is one consistent moment even while the app keeps writing.
 */
export function buildArchive(sqlite: BetterSqlite3.Database, meta: { schemaVersion: number; appVersion: string; createdAt: string }): Uint8Array {
  const files: Zippable = {};
  const manifest: Manifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, encoding: CELL_ENCODING, ...meta, tables: {} };
  sqlite.transaction(() => {
    for (const t of archiveTables(sqlite)) {
      const cols = columnsOf(sqlite, t.name);
      const chunks: string[] = [csvRow(cols.map((c) => c.name))];
      const stmt = sqlite.prepare(`SELECT ${cols.map((c) => `"${c.name}"`).join(', ')} FROM "${t.name}"${t.withoutRowid ? '' : ' ORDER BY rowid'}`);
      let rows = 0;
      for (const row of stmt.raw(true).safeIntegers(true).iterate() as Iterable<unknown[]>) {
        chunks.push(csvRow(row.map((v, i) => encodeValue(v, cols[i]!.affinity))));
        rows++;
      }
      const bytes = strToU8(chunks.join(''));
      const file = `tables/${t.name}.csv`;
      files[file] = bytes;
      manifest.tables[t.name] = { rows, columns: cols.map((c) => c.name), file, sha256: sha256(bytes) };
    }
  })();
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(files, { level: 6 });
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Writes the archive to `out` (never over an existing file): to `.partial` first, renamed when complete. */
export function exportArchiveFile(sqlite: BetterSqlite3.Database, out: string, meta: { schemaVersion: number; appVersion: string; createdAt: string }) {
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new CarteraError('conflict', 'error.backup.exists', { file: target });
  const zip = buildArchive(sqlite, meta);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomic(target, zip);
  return { file: target, bytes: zip.length };
}
