import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { USAGE } from '#core/cli/usage';
import { runCli } from '../support/cli';

/**
 * The `cartera` command as the user runs it: bin/cartera.mjs → the esbuild bundle in dist-cli/ (no tsx).
 * The loader trace (test/support/trace-imports.mjs) lists every module the ES loader resolves, so the
 * tests can say what a command did NOT load.
 */
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'cartera.mjs');
const trace = path.join(root, 'test', 'support', 'trace-imports.mjs');
const HEAVY = ['exceljs', 'pdfmake', 'csv-parse', 'fflate', 'iconv-lite', 'date-holidays'];

function cartera(args: string[], traced = false) {
  const r = spawnSync(process.execPath, [...(traced ? ['--import', trace] : []), bin, ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, LANG: 'en' },
  });
  const imports = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('import: '))
    .map((l) => l.slice(8));
  const stderr = r.stderr
    .split('\n')
    .filter((l) => !l.startsWith('import: '))
    .join('\n');
  return { code: r.status, stdout: r.stdout, stderr, imports };
}
const heavyIn = (imports: string[]) => imports.filter((s) => HEAVY.some((h) => s === h || s.startsWith(h + '/')));

beforeAll(async () => {
  const { buildCli } = (await import(path.join(root, 'scripts', 'build-cli.mjs'))) as { buildCli: (o: { quiet: boolean }) => Promise<string> };
  await buildCli({ quiet: true });
});

describe('the built cartera command', () => {
  it('runs compiled JavaScript: tsx is a dev dependency only, and npm prepare builds the bundle', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toBeDefined();
    expect(pkg.scripts.prepare).toContain('build-cli.mjs');
    expect(pkg.scripts.build).toContain('build-cli.mjs');
    expect(fs.readFileSync(bin, 'utf8')).not.toContain('tsx');
  });

  it('--help prints the usage before the core, SQLite or any big library is loaded', () => {
    const r = cartera(['--help'], true);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(USAGE);
    expect(r.imports.some((s) => s.endsWith('cartera.mjs'))).toBe(true); // the trace works
    expect(r.imports).not.toContain('better-sqlite3');
    expect(r.imports.filter((s) => /\/main-[A-Z0-9]+\.mjs$/.test(s))).toEqual([]);
    expect(heavyIn(r.imports)).toEqual([]);
    expect(cartera([]).code).toBe(2);
  });

  it('answers usage errors exactly like the in-process CLI, without the big libraries', async () => {
    for (const args of [['--bogus'], ['aging'], ['--db', 'x.sqlite', 'frobnicate']]) {
      const r = cartera(args, true);
      const inProcess = await runCli(['--lang', 'en', ...args]).catch(() => null);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim()).toMatch(/^cartera: .*/);
      if (inProcess && args[0] !== '--db') expect(r.stderr.trim()).toBe(inProcess.stderr.trim());
      expect(heavyIn(r.imports)).toEqual([]);
    }
  });

  it('ages a book with the same output as in process, loading no export or import library', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-built-'));
    const db = path.join(dir, 'book.sqlite');
    const demo = cartera(['--db', db, 'demo', '--clients', '5', '--invoices', '30', '--today', '2025-06-30']);
    expect(demo.stderr).toBe('');
    expect(demo.stdout).toMatch(/^demo: 5 clients, 30 invoices/);
    const args = ['--db', db, 'aging', '--as-of', '2025-06-30', '--format', 'json'];
    const built = cartera(args, true);
    expect(built.code).toBe(0);
    expect(heavyIn(built.imports)).toEqual([]);
    const inProcess = await runCli(args);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(inProcess.stdout));
    // a command that needs a big library still finds it
    const csv = cartera(['--db', db, 'export', 'aging', '--as-of', '2025-06-30', '--out', path.join(dir, 'a.xlsx')], true);
    expect(csv.code).toBe(0);
    expect(csv.imports).toContain('exceljs');
    expect(fs.statSync(path.join(dir, 'a.xlsx')).size).toBeGreaterThan(1000);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
