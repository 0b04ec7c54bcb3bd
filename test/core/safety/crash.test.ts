import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshCore } from '../../support/core';
import { rng } from './helpers';

/**
 * SIGKILL at random (seeded) moments while a child process writes: after every kill the file must pass
 * integrity_check and hold each transaction entirely or not at all, with the maintained figures
 * (invoice open amounts, payment unapplied amounts) agreeing with the events they summarise.
 */
// 2 × 8 kills and a 10k-invoice bulk keep this near 30 s on a busy 2-core machine
const KILLS_PER_SCENARIO = 8;
const BULK_INVOICES = 10_000;
const BATCH = 25;
const repo = path.resolve(import.meta.dirname, '../../..');
let dir = '';
let child = '';
let empty = '';
let withInvoices = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-crash-'));
  child = path.join(dir, 'child.cjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'crashChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: child,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  const a = await freshCore();
  empty = path.join(dir, 'empty.sqlite');
  await a.close();
  fs.copyFileSync(a.ctx.file, empty);
  const b = await freshCore();
  const client = await b.call('clients.create', { code: 'C1', name: 'Cliente' });
  for (let k = 0; k < 30; k++)
    await b.call('invoices.create', { clientId: client.id, number: `F-${k}`, issueDate: '2026-09-01', currency: 'PEN', amount: 1_000_000 });
  await b.close();
  withInvoices = path.join(dir, 'invoices.sqlite');
  fs.copyFileSync(b.ctx.file, withInvoices);
});

/** Runs the child on a copy of `template`; kills it `delayMs` after it says `begin` (never, if null). */
async function run(template: string, args: string[], delayMs: number | null): Promise<{ file: string; ms: number; killed: boolean }> {
  const file = path.join(dir, `run-${Math.random().toString(36).slice(2)}.sqlite`);
  fs.copyFileSync(template, file);
  const p = spawn(process.execPath, [child, args[0]!, file, ...args.slice(1)], {
    env: { ...process.env, NODE_PATH: path.join(repo, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  p.stderr.on('data', (d) => (stderr += String(d)));
  let began = 0;
  let timer: NodeJS.Timeout | undefined;
  p.stdout.on('data', (d) => {
    if (!began && String(d).includes('begin')) {
      began = Date.now();
      if (delayMs !== null) timer = setTimeout(() => p.kill('SIGKILL'), delayMs);
    }
  });
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    p.on('exit', (code, signal) => resolve({ code, signal })),
  );
  clearTimeout(timer);
  if (signal !== 'SIGKILL' && code !== 0) throw new Error(`child failed (${code}): ${stderr.slice(0, 500)}`);
  return { file, ms: Date.now() - began, killed: signal === 'SIGKILL' };
}

type Db = BetterSqlite3.Database;
const one = (db: Db, q: string) => db.prepare(q).pluck().get() as number;

/** Opens the file as the app would after the crash (SQLite recovers the WAL) and checks it. */
function verify(file: string, check: (db: Db) => void): void {
  const db = new BetterSqlite3(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(
      one(
        db,
        `SELECT count(*) FROM invoices i WHERE i.amount - i.open_amount !=
           coalesce((SELECT sum(amount) FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL), 0)
         + coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL), 0)`,
      ),
    ).toBe(0);
    expect(
      one(
        db,
        `SELECT count(*) FROM payments p WHERE p.voided_at IS NULL AND p.amount - p.unapplied_amount !=
           coalesce((SELECT sum(amount) FROM payment_allocations a WHERE a.payment_id = p.id AND a.voided_at IS NULL), 0)`,
      ),
    ).toBe(0);
    check(db);
  } finally {
    db.close();
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

describe('crash safety (SIGKILL)', () => {
  it('a large bulk write in one transaction is all or nothing', async () => {
    const ref = await run(empty, ['bulk', String(BULK_INVOICES)], null);
    let full = { clients: 0, invoices: 0, payments: 0 };
    verify(
      ref.file,
      (db) =>
        (full = {
          clients: one(db, 'SELECT count(*) FROM clients'),
          invoices: one(db, 'SELECT count(*) FROM invoices'),
          payments: one(db, 'SELECT count(*) FROM payments'),
        }),
    );
    expect(full.invoices).toBe(BULK_INVOICES);
    const r = rng(20261120);
    let midway = 0;
    for (let i = 0; i < KILLS_PER_SCENARIO; i++) {
      const run1 = await run(empty, ['bulk', String(BULK_INVOICES)], Math.floor(r() * ref.ms * 1.1));
      verify(run1.file, (db) => {
        const got = {
          clients: one(db, 'SELECT count(*) FROM clients'),
          invoices: one(db, 'SELECT count(*) FROM invoices'),
          payments: one(db, 'SELECT count(*) FROM payments'),
        };
        if (got.clients === 0) {
          expect(got).toEqual({ clients: 0, invoices: 0, payments: 0 });
          midway++;
        } else expect(got).toEqual(full);
      });
    }
    expect(midway, 'most kills should land inside the transaction').toBeGreaterThan(0);
  });

  it('a batch of payments in one transaction is all or nothing, batch after batch', async () => {
    const r = rng(5);
    const seen = new Set<number>();
    for (let i = 0; i < KILLS_PER_SCENARIO; i++) {
      const res = await run(withInvoices, ['batch', String(BATCH)], 50 + Math.floor(r() * 900));
      expect(res.killed).toBe(true);
      verify(res.file, (db) => {
        const payments = one(db, 'SELECT count(*) FROM payments');
        expect(payments % BATCH).toBe(0);
        // the audit entries went in with their payments
        expect(one(db, "SELECT count(*) FROM audit_log WHERE entity = 'payment' AND action = 'record'")).toBe(payments);
        seen.add(payments / BATCH);
      });
    }
    expect(seen.size, 'kills should land at different points').toBeGreaterThan(1);
  });
});
