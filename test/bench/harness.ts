import os from 'node:os';
import type { Core } from '#core/app';

/** What every case gets: the opened core on the benchmark book, and where its files are. */
export type BenchEnv = {
  core: Core;
  /** the raw better-sqlite3 handle of the same connection, for floors */
  sqlite: Core['ctx']['sqlite'];
  today: string;
  scale: { name: string; clients: number; invoices: number };
  files: { v1: string; book: string; work: string };
};

/**
 * One benchmark case. `run` is timed; `before` (untimed) runs before every timed call, e.g. to copy a file.
 * A query case also has a `floor`: the best single hand-written better-sqlite3 query for the same result,
 * and `check(caseResult, floorResult)` that throws when the two disagree (the benchmark then fails).
 * Adding a case is one object in cases.ts.
 */
export type BenchCase<R = unknown, F = unknown> = {
  name: string;
  /** timed runs after the warm-up (default 7) */
  runs?: number;
  warmup?: number;
  /** skip on this scale (e.g. a case that needs a file that only the full book has) */
  skip?: (env: BenchEnv) => string | false;
  setup?: (env: BenchEnv) => Promise<void> | void;
  before?: (env: BenchEnv, i: number) => Promise<void> | void;
  run: (env: BenchEnv, i: number) => Promise<R> | R;
  after?: (env: BenchEnv, i: number) => Promise<void> | void;
  floor?: (env: BenchEnv, i: number) => F;
  check?: (got: R, floor: F, i: number) => void;
  teardown?: (env: BenchEnv) => Promise<void> | void;
};

export type CaseResult = {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  floorMedianMs: number | null;
  ratio: number | null;
  runs: number;
  /** peak RSS of the process once this case finished (cases run in order) */ rssMb: number;
};

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export async function runCase(env: BenchEnv, c: BenchCase, log: (s: string) => void): Promise<CaseResult> {
  const runs = c.runs ?? 7;
  const warmup = c.warmup ?? 1;
  await c.setup?.(env);
  try {
    const times: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      await c.before?.(env, i);
      // collect the previous run's garbage (untimed), so peak memory is one operation's, not the sum of
      // repeats V8 had not yet reclaimed; npm run bench starts node with --expose-gc
      (globalThis as { gc?: () => void }).gc?.();
      const t0 = performance.now();
      const got = await c.run(env, i);
      const ms = performance.now() - t0;
      await c.after?.(env, i);
      if (c.floor) {
        // floor and case alternate so both see the same cache and machine load
        const f0 = performance.now();
        const fl = c.floor(env, i);
        const fms = performance.now() - f0;
        if (c.check) {
          try {
            c.check(got, fl, i);
          } catch (e) {
            throw new Error(`${c.name}: the case and its raw-SQL floor disagree: ${(e as Error).message}`);
          }
        }
        if (i >= warmup) floorTimes.push(fms);
      }
      if (i >= warmup) times.push(ms);
    }
    const floorMedianMs = floorTimes.length ? median(floorTimes) : null;
    const m = median(times);
    const r: CaseResult = {
      name: c.name,
      medianMs: round(m),
      minMs: round(Math.min(...times)),
      maxMs: round(Math.max(...times)),
      floorMedianMs: floorMedianMs === null ? null : round(floorMedianMs),
      ratio: floorMedianMs === null ? null : round(m / floorMedianMs),
      runs,
      rssMb: peakRssMb(),
    };
    log(`  ${c.name}: median ${r.medianMs} ms${r.ratio === null ? '' : `, floor ${r.floorMedianMs} ms, ratio ${r.ratio}`}`);
    return r;
  } finally {
    await c.teardown?.(env);
  }
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`;
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function table(results: CaseResult[], targets: Record<string, string>): string {
  const head = ['case', 'median ms', 'min ms', 'max ms', 'floor ms', 'ratio', 'runs', 'peak RSS MB', 'target'];
  const rows = results.map((r) => [
    r.name,
    fmt(r.medianMs),
    fmt(r.minMs),
    fmt(r.maxMs),
    r.floorMedianMs === null ? '–' : fmt(r.floorMedianMs),
    r.ratio === null ? '–' : r.ratio.toFixed(2),
    String(r.runs),
    String(r.rssMb),
    targets[r.name] ?? '',
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 || i === 8 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join(' | ') + ' |';
  return [line(head), '|' + w.map((n, i) => (i === 0 || i === 8 ? '-'.repeat(n + 2) : '-'.repeat(n + 1) + ':')).join('|') + '|', ...rows.map(line)].join('\n');
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Deep equality that names the first difference (for floor checks). */
export function assertSame(what: string, a: unknown, b: unknown): void {
  const d = firstDiff(a, b, what);
  if (d) throw new Error(d);
}

function firstDiff(a: unknown, b: unknown, at: string): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs object`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (Array.isArray(a) && ka.length !== kb.length) return `${at}: length ${ka.length} ≠ ${kb.length}`;
  for (const k of new Set([...ka, ...kb])) {
    const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return null;
}
