import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BOUNDS, type AgingReport } from '#shared/domain/aging';
import { addDays, fixedClock } from '#shared/domain/dates';
import { openCore, type Core } from '#core/app';
import type { EngineClient } from '#core/engine/client';
import { buildCli } from '../../scripts/build-cli.mjs';
import { startEngine } from '../support/engine';
import type { BenchCase, BenchEnv } from './harness';

/**
 * Whole-process cases, where the user feels the whole process: the built `cartera` command against a
 * bare `node`, opening an existing book, and how fast the engine answers while an import runs.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'cartera.mjs');
/** reports the child's peak RSS on stderr as it exits */
const EXIT_RSS = `data:text/javascript,${encodeURIComponent("process.on('exit', () => process.stderr.write('rss:' + process.resourceUsage().maxRSS + '\\n'))")}`;

export const childPeakRss: Record<string, number> = {};

function node(name: string, args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', EXIT_RSS, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${name}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  const rss = Number(/rss:(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  childPeakRss[name] = Math.max(childPeakRss[name] ?? 0, Math.round(rss));
  return r.stdout;
}

/** The aging.today floor as a bare process: better-sqlite3, open the file, one query, print the rows. */
function floorScript(file: string, asOf: string): string {
  const t = DEFAULT_BOUNDS.map((b) => addDays(asOf, -b));
  const sql = `SELECT c.code, g.currency, g.total, ${t.map((_, k) => `g.s${k}`).join(', ')}
    FROM (SELECT i.client_id, i.currency, sum(i.open_amount) AS total,
            ${t.map((d, k) => `sum(i.open_amount) FILTER (WHERE i.due_date >= '${d}') AS s${k}`).join(', ')}
          FROM invoices i WHERE i.open_amount > 0 AND i.voided_at IS NULL AND i.issue_date <= ?
          GROUP BY i.client_id, i.currency) g
    JOIN clients c ON c.id = g.client_id`;
  return `const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
const rows = db.prepare(${JSON.stringify(sql)}).raw(true).all(${JSON.stringify(asOf)}).map(([code, currency, total, ...s]) => {
  const cum = [...s.map((x) => x ?? 0), total];
  return { code, currency, buckets: cum.map((x, k) => x - (k ? cum[k - 1] : 0)), total };
});
process.stdout.write(JSON.stringify(rows)); db.close();`;
}

type AgingRow = { code: string; currency: string; buckets: number[]; total: number };

/** `importData` makes the 100k-row invoice file for the bench book's clients (cases.ts has it). */
export function processCases(checkAging: (report: AgingReport, floor: AgingRow[]) => void, importData: (env: BenchEnv) => string): BenchCase[] {
  let cliBook = '';
  let openBook = '';
  let core: Core | null = null;
  let engine: EngineClient | null = null;
  let importing: Promise<unknown> | null = null;
  let started = false;
  let during = 0;
  let data = '';
  const startImport = async () => {
    started = false;
    importing = engine!
      .dispatch('imports.run', { kind: 'invoices', fileName: 'facturas.csv', dataBase64: data }, { onProgress: () => void (started = true) })
      .then((r) => {
        importing = null;
        if (!r.ok) throw new Error(`responsive.during-import: ${r.error.message}`);
        process.stderr.write(`  responsive.during-import: an import ended (${JSON.stringify((r.data as { counts: unknown }).counts)})\n`);
      });
    while (!started) await new Promise((r) => setTimeout(r, 5));
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case has its own result and floor types
  const list: BenchCase<any, any>[] = [
    {
      name: 'cli.help',
      runs: 9,
      setup: () => buildCli({ quiet: true }).then(() => undefined),
      run: () => node('cli.help', [BIN, '--help']),
      floor: () => node('node -e 0', ['-e', '0']),
    },
    {
      // on its own copy, closed cleanly once so the CLI opens it as it would the user's book
      name: 'cli.aging',
      runs: 7,
      setup: async (env) => {
        cliBook = path.join(env.files.work, 'cli.sqlite');
        fs.copyFileSync(env.files.book, cliBook);
        await (await openCore(cliBook, { clock: fixedClock(`${env.today}T12:00:00.000Z`) })).close();
      },
      run: (env) => JSON.parse(node('cli.aging', [BIN, '--db', cliBook, 'aging', '--as-of', env.today, '--format', 'json'])) as AgingReport,
      floor: (env) => JSON.parse(node('cli.aging floor', ['-e', floorScript(cliBook, env.today)])),
      check: (got: AgingReport, fl) => checkAging(got, fl),
    },
    {
      // an existing book, no migration pending, closed cleanly: open it and answer the first call
      name: 'open.existing',
      runs: 7,
      setup: async (env) => {
        openBook = path.join(env.files.work, 'open-existing.sqlite');
        fs.copyFileSync(env.files.book, openBook);
        await (await openCore(openBook, { clock: fixedClock(`${env.today}T12:00:00.000Z`) })).close();
      },
      run: async (env) => {
        core = await openCore(openBook, { clock: fixedClock(`${env.today}T12:00:00.000Z`) });
        return core.call('settings.get', {});
      },
      after: async () => {
        await core?.close();
        core = null;
      },
    },
    {
      // system.info through the engine process while a 100k-row import runs in it
      name: 'responsive.during-import',
      runs: 15,
      warmup: 2,
      setup: async (env) => {
        const file = path.join(env.files.work, 'responsive.sqlite');
        fs.copyFileSync(env.files.book, file);
        data = importData(env);
        engine = startEngine(file, `${env.today}T12:00:00.000Z`);
        const failure = await engine.ready();
        if (failure) throw new Error(failure.message);
      },
      before: async () => {
        if (!importing) await startImport();
        await new Promise((r) => setTimeout(r, 100));
      },
      run: async () => {
        const r = await engine!.dispatch('system.info', {});
        if (!r.ok) throw new Error(r.error.message);
        if (importing) during++;
        return r;
      },
      teardown: async () => {
        // every sample is meant to be taken while an import runs; say so if some were not
        if (during < 17) process.stderr.write(`  responsive.during-import: ${during} of 17 calls answered during an import\n`);
        await importing;
        await engine?.close();
        engine = null;
        data = '';
      },
    },
  ];
  return list;
}
