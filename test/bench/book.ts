import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect } from 'kysely';
import { fixedClock } from '#shared/domain/dates';
import type { Ctx } from '#core/context';
import { openDatabase } from '#core/db/open';
import type { DB } from '#core/db/schema';
import * as m0001 from '#core/db/migrations/0001_init';
import { generateDemo, GENERATOR_VERSION } from '#core/demo/generate';

/**
 * Benchmark books, built once and reused from `.cache/bench/` (gitignored). Two files per scale:
 *  - `…-v1.sqlite`: schema of the first migration only, filled by the demo generator (what a user of the
 *    first release has on disk); `open.migrate` copies it and opens the copy with `openDatabase`;
 *  - `…-book-<migrations hash>.sqlite`: that file migrated to the current schema, what the query cases read.
 * Keys: scale, seed, today, and hashes of the generator and migration sources, so any change rebuilds.
 * No ANALYZE: the files are what a user has (the app does not gather statistics), so are the plans.
 * Generation runs in a child process so the benchmark's peak RSS is the core's, not the generator's.
 */

export type Scale = { name: string; clients: number; invoices: number };
export const SCALES: Record<string, Scale> = {
  small: { name: 'small', clients: 1_000, invoices: 50_000 },
  full: { name: 'full', clients: 20_000, invoices: 1_000_000 },
};
export const BENCH_TODAY = '2026-11-20';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = path.join(ROOT, '.cache/bench');

function hashOf(files: string[], extra: string): string {
  const h = createHash('sha256').update(extra);
  for (const f of files.sort()) h.update(f).update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 10);
}

const srcFiles = (dir: string) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(ROOT, dir, f));

export function bookPaths(scale: Scale, seed: number): { v1: string; book: string } {
  const gen = hashOf([...srcFiles('electron/core/demo'), path.join(ROOT, 'electron/core/db/migrations/0001_init.ts')], `g${GENERATOR_VERSION}`);
  const mig = hashOf(srcFiles('electron/core/db/migrations'), '');
  const base = `${scale.name}-${scale.clients}c-${scale.invoices}i-s${seed}-${BENCH_TODAY}-gen${gen}`;
  return { v1: path.join(CACHE_DIR, `${base}-v1.sqlite`), book: path.join(CACHE_DIR, `${base}-book-${mig}.sqlite`) };
}

export type BuildReport = { built: boolean; generateMs: number | null; generateRssMb: number | null; migrateMs: number | null };

/** Makes sure both files exist (building what is missing in a child process) and says what it did. */
export function ensureBook(scale: Scale, seed: number, log: (s: string) => void): BuildReport & { v1: string; book: string } {
  const p = bookPaths(scale, seed);
  if (fs.existsSync(p.v1) && fs.existsSync(p.book)) return { ...p, built: false, generateMs: null, generateRssMb: null, migrateMs: null };
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  log(`building the ${scale.name} book (${scale.clients} clients, ${scale.invoices} invoices, seed ${seed}) in ${path.relative(ROOT, CACHE_DIR)}/ …`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify({ scale, seed, ...p })], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`building the benchmark book failed (exit ${child.status})`);
  const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as BuildReport;
  log(`  generated in ${fmtS(report.generateMs)} (peak RSS of the generator ${report.generateRssMb ?? '–'} MB), migrated in ${fmtS(report.migrateMs)}`);
  return { ...p, ...report };
}

const fmtS = (ms: number | null) => (ms === null ? '(cached)' : `${(ms / 1000).toFixed(1)} s`);

/** Creates a database with the first migration only, as the first release would have. */
export async function createV1(file: string): Promise<{ db: Kysely<DB>; sqlite: BetterSqlite3.Database }> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  const migrator = new Migrator({ db: db.withoutPlugins(), provider: { getMigrations: async () => ({ '0001_init': m0001 }) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  sqlite.pragma('user_version = 1');
  return { db, sqlite };
}

async function build(args: { scale: Scale; seed: number; v1: string; book: string }): Promise<BuildReport> {
  const tmpSuffix = `.tmp-${process.pid}`;
  let generateMs: number | null = null;
  let generateRssMb: number | null = null;
  if (!fs.existsSync(args.v1)) {
    const tmp = args.v1 + tmpSuffix;
    fs.rmSync(tmp, { force: true });
    const t0 = performance.now();
    const { db, sqlite } = await createV1(tmp);
    const ctx: Ctx = { db, sqlite, file: tmp, clock: fixedClock(`${BENCH_TODAY}T12:00:00.000Z`), locale: 'es', appVersion: 'bench' };
    await db
      .transaction()
      .execute((trx) => generateDemo({ ...ctx, db: trx }, { clients: args.scale.clients, invoices: args.scale.invoices, seed: args.seed, today: BENCH_TODAY }));
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await db.destroy();
    generateMs = performance.now() - t0;
    generateRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    fs.renameSync(tmp, args.v1);
  }
  const tmp = args.book + tmpSuffix;
  fs.copyFileSync(args.v1, tmp);
  const backupDir = fs.mkdtempSync(path.join(CACHE_DIR, 'migrate-'));
  const t1 = performance.now();
  const database = await openDatabase(tmp, { backupDir });
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();
  const migrateMs = performance.now() - t1;
  fs.rmSync(backupDir, { recursive: true, force: true });
  fs.renameSync(tmp, args.book);
  fs.rmSync(`${tmp}.clean`, { force: true }); // the clean-shutdown marker names the temporary path
  // old books of this scale (other generator or schema versions) are dead weight
  for (const f of fs.readdirSync(CACHE_DIR)) {
    const full = path.join(CACHE_DIR, f);
    if (f.startsWith(`${args.scale.name}-`) && full !== args.v1 && full !== args.book && !f.includes('.tmp-')) fs.rmSync(full, { force: true });
  }
  return { built: true, generateMs, generateRssMb, migrateMs };
}

// child-process entry: `node --import tsx test/bench/book.ts '{"scale":…}'`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = await build(JSON.parse(process.argv[2]!));
  process.stdout.write(JSON.stringify(report) + '\n');
}
