import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore } from '../../support/core';
import { csv } from '../../fixtures/imports/book';
import { runImport } from '../imports/helpers';

/**
 * Issue 10 item 4: a large import in one process while another records a payment every 50 ms. With
 * deferred transactions the import's upgrade to a write lock failed with SQLITE_BUSY_SNAPSHOT (3 of 3);
 * with BEGIN IMMEDIATE each writer waits its turn (busy_timeout) and nothing is lost.
 */
const ROWS = 20_000;
const repo = path.resolve(import.meta.dirname, '../../..');
let child: ChildProcess | null = null;

afterAll(() => child?.kill('SIGKILL'));

function invoicesCsv(round: number): string {
  const rows = [['client_code', 'series', 'number', 'issue_date', 'due_date', 'currency', 'amount']];
  for (let k = 0; k < ROWS; k++) rows.push(['C1', `R${round}`, String(k + 1), '2026-01-10', '2026-02-09', 'PEN', '10.00']);
  return csv(rows);
}

describe('two writers on one book', () => {
  let bundle = '';
  beforeAll(async () => {
    bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-payer-')), 'payer.cjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, 'payerChild.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: bundle,
      external: ['better-sqlite3'],
      logLevel: 'error',
    });
  });

  it('3 of 3 imports succeed while payments arrive every 50 ms, and every acknowledged payment is in the file', async () => {
    const core = await freshCore();
    await core.call('clients.create', { code: 'C1', name: 'Comercial Andina' });
    const p = spawn(process.execPath, [bundle, core.ctx.file], {
      env: { ...process.env, NODE_PATH: path.join(repo, 'node_modules') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = p;
    let out = '';
    p.stdout!.on('data', (b) => (out += String(b)));
    let err = '';
    p.stderr!.on('data', (b) => (err += String(b)));
    await waitFor(
      () => out.includes('ready'),
      20_000,
      () => err,
    );
    const results = [];
    for (let round = 0; round < 3; round++) {
      const before = (out.match(/^ack /gm) ?? []).length;
      // let a few payments through first, so the import starts while the other window is writing
      await waitFor(
        () => (out.match(/^ack /gm) ?? []).length >= before + 3,
        20_000,
        () => err,
      );
      results.push(await runImport(core, 'invoices', invoicesCsv(round)));
    }
    p.stdin!.write('stop\n');
    await waitFor(
      () => out.includes('done'),
      20_000,
      () => err,
    );

    expect(results.map((r) => r.error?.message ?? r.report?.counts.created)).toEqual([ROWS, ROWS, ROWS]);
    const acked = [...out.matchAll(/^ack (\S+)$/gm)].map((m) => m[1]);
    expect(acked.length).toBeGreaterThan(5);
    const stored = new Set((core.ctx.sqlite.prepare('SELECT reference FROM payments').all() as { reference: string }[]).map((r) => r.reference));
    expect(acked.filter((r) => !stored.has(r!))).toEqual([]);
    // a refusal, if the wait ever exceeds busy_timeout, is the typed message, never "internal error"
    for (const line of out.split('\n').filter((l) => l.startsWith('fail '))) expect(line).toContain('error.db.busy');
    await core.close();
  }, 180_000);
});

async function waitFor(ok: () => boolean, ms: number, why: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out: ${why()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
