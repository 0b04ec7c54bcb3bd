/**
 * `npm run bench [-- --scale small|full] [-- --json] [-- --only name,name] [-- --seed N]`
 *
 * Builds (or reuses, from .cache/bench/) a deterministic book, opens it with the core as the app does,
 * runs every case several times after a warm-up and prints median / min / max, the raw-SQL floor and
 * the ratio for query cases, and the peak RSS of this process. With --json, stdout is exactly
 * {"machine":…,"cases":[{name,medianMs,minMs,maxMs,floorMedianMs,ratio}],"peakRssMb":n}; progress goes to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '#core/app';
import { fixedClock } from '#shared/domain/dates';
import { BENCH_TODAY, CACHE_DIR, ensureBook, SCALES } from './book';
import { cases, TARGETS } from './cases';
import { machine, peakRssMb, runCase, table, type BenchEnv, type CaseResult } from './harness';
import { childPeakRss } from './process';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scale: { type: 'string', default: 'full' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const scale = SCALES[values.scale!];
if (!scale) {
  process.stderr.write(`bench: --scale must be one of ${Object.keys(SCALES).join(', ')}\n`);
  process.exit(2);
}
const log = (s: string) => process.stderr.write(s + '\n');
const started = performance.now();

const book = ensureBook(scale, Number(values.seed), log);
const work = fs.mkdtempSync(path.join(CACHE_DIR, 'work-'));
// the cases read a copy, so a case that writes can never spoil the cached book
const file = path.join(work, 'book.sqlite');
fs.copyFileSync(book.book, file);
const core = await openCore(file, { clock: fixedClock(`${BENCH_TODAY}T12:00:00.000Z`), locale: 'es' });
const env: BenchEnv = { core, sqlite: core.ctx.sqlite, today: BENCH_TODAY, scale, files: { v1: book.v1, book: file, work } };

const only = values.only ? new Set(values.only.split(',')) : null;
const results: CaseResult[] = [];
let failed = false;
try {
  log(`bench: ${scale.name} book, ${machine()}`);
  for (const c of cases(env)) {
    if (only && !only.has(c.name)) continue;
    const skip = c.skip?.(env);
    if (skip) {
      log(`  ${c.name}: skipped (${skip})`);
      continue;
    }
    try {
      results.push(await runCase(env, c, log));
    } catch (e) {
      failed = true;
      log(`  ${c.name}: FAILED: ${(e as Error).stack ?? e}`);
    }
  }
} finally {
  await core.close();
  fs.rmSync(work, { recursive: true, force: true });
}

const out = {
  machine: machine(),
  cases: results.map(({ name, medianMs, minMs, maxMs, floorMedianMs, ratio }) => ({ name, medianMs, minMs, maxMs, floorMedianMs, ratio })),
  peakRssMb: peakRssMb(),
  /** peak RSS of the spawned processes (the built CLI and its floors), MB */
  childPeakRssMb: childPeakRss,
};
if (values.json) {
  process.stdout.write(JSON.stringify(out) + '\n');
} else {
  const b = book.built
    ? `built now: generated in ${book.generateMs === null ? '(cached v1)' : `${(book.generateMs / 1000).toFixed(1)} s, generator peak RSS ${book.generateRssMb} MB`}, migrated in ${((book.migrateMs ?? 0) / 1000).toFixed(1)} s`
    : 'reused from .cache/bench';
  process.stdout.write(
    `\nCartera benchmark — ${scale.name} book: ${scale.clients.toLocaleString('en')} clients, ${scale.invoices.toLocaleString('en')} invoices (seed ${values.seed}, today ${BENCH_TODAY}; ${b})\n` +
      `machine: ${out.machine}\n\n` +
      table(results, TARGETS) +
      (Object.keys(childPeakRss).length
        ? `\n\npeak RSS of spawned processes: ${Object.entries(childPeakRss)
            .map(([k, v]) => `${k} ${v} MB`)
            .join(', ')} (target: cli.aging < 150 MB)`
        : '') +
      `\n\npeak RSS of the benchmark process: ${out.peakRssMb} MB (target < 500 MB) · total ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
      'peak RSS MB = the process peak when that case finished (cases run in this order).\n' +
      'ratio = case median / floor median; floor = best hand-written better-sqlite3 SQL for the same result, checked equal on every run.\n',
  );
}
if (failed) process.exitCode = 1;
