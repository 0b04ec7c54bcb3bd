import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

const run = runCli;

const BUCKETS = [0, 30, 60, 90, 120];
const bucketOf = (days: number) => {
  const i = BUCKETS.findIndex((b) => days <= b);
  return i === -1 ? BUCKETS.length : i;
};

/** Aging recomputed from the raw ledger rows in plain JS, independent of the services' SQL. */
function expectedAging(file: string, asOf: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  const invoices = db
    .prepare(
      'SELECT i.id, i.issue_date, i.due_date, i.currency, i.amount, c.code, c.name FROM invoices i JOIN clients c ON c.id = i.client_id WHERE i.voided_at IS NULL',
    )
    .all() as {
    id: number;
    issue_date: string;
    due_date: string;
    currency: string;
    amount: number;
    code: string;
    name: string;
  }[];
  const reductions = new Map<number, number>();
  for (const r of db
    .prepare(
      'SELECT invoice_id, amount, date FROM payment_allocations WHERE voided_at IS NULL UNION ALL SELECT invoice_id, amount, date FROM credit_notes WHERE voided_at IS NULL',
    )
    .all() as { invoice_id: number; amount: number; date: string }[]) {
    if (r.date <= asOf) reductions.set(r.invoice_id, (reductions.get(r.invoice_id) ?? 0) + r.amount);
  }
  db.close();
  const clients = new Map<string, { code: string; name: string; currency: string; buckets: number[]; total: number }>();
  const totals = new Map<string, { currency: string; buckets: number[]; total: number }>();
  for (const inv of invoices) {
    if (inv.issue_date > asOf) continue;
    const open = inv.amount - (reductions.get(inv.id) ?? 0);
    if (open === 0) continue;
    const days = (Date.parse(asOf) - Date.parse(inv.due_date)) / 86_400_000;
    const b = bucketOf(days);
    const key = `${inv.code}|${inv.currency}`;
    const c = clients.get(key) ?? { code: inv.code, name: inv.name, currency: inv.currency, buckets: [0, 0, 0, 0, 0, 0], total: 0 };
    c.buckets[b]! += open;
    c.total += open;
    clients.set(key, c);
    const t = totals.get(inv.currency) ?? { currency: inv.currency, buckets: [0, 0, 0, 0, 0, 0], total: 0 };
    t.buckets[b]! += open;
    t.total += open;
    totals.set(inv.currency, t);
  }
  return {
    asOf,
    buckets: ['current', '1-30', '31-60', '61-90', '91-120', '120+'],
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    clients: [...clients.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.currency < b.currency ? -1 : 1)),
  };
}

describe('cartera CLI', () => {
  it('demo then aging --format json prints the public JSON with figures that match the demo data', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-cli-')), 'x.sqlite');
    const demo = await run(['--db', file, 'demo', '--today', '2026-11-20', '--seed', '7']);
    expect(demo).toMatchObject({ code: 0, stderr: '' });
    expect(demo.stdout).toMatch(/40 clients, 400 invoices/);
    for (const asOf of ['2026-10-31', '2026-11-20', '2025-12-31']) {
      const r = await run(['--db', file, 'aging', '--as-of', asOf, '--format', 'json']);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(Object.keys(json)).toEqual(['asOf', 'buckets', 'totals', 'clients']);
      expect(json).toEqual(expectedAging(file, asOf));
      expect(json.clients.length).toBeGreaterThan(3);
    }
  });

  it('is deterministic per seed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-cli-'));
    const outs: string[] = [];
    for (const name of ['a', 'b']) {
      const f = path.join(dir, `${name}.sqlite`);
      await run(['--db', f, 'demo', '--today', '2026-11-20', '--seed', '3', '--clients', '10', '--invoices', '80']);
      outs.push((await run(['--db', f, 'aging', '--as-of', '2026-11-20', '--format', 'csv'])).stdout);
    }
    expect(outs[0]).toBe(outs[1]);
    expect(outs[0]!.split('\n').length).toBeGreaterThan(3);
  });

  it('fails with one line on stderr and a non-zero exit', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-cli-')), 'x.sqlite');
    const bad = await run(['--db', file, 'aging', '--as-of', '31/10/2026']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run(['aging'])).code).not.toBe(0);
    expect((await run(['--db', file, 'frobnicate'])).stderr).toMatch(/unknown command/);
    await run(['--db', file, 'demo', '--clients', '2', '--invoices', '5']);
    const twice = await run(['--db', file, 'demo']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/archivo vacío/); // the demo book's settings speak Spanish
  });

  it('backs up to a verified copy and refuses to overwrite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-cli-'));
    const file = path.join(dir, 'x.sqlite');
    await run(['--db', file, 'demo', '--clients', '3', '--invoices', '20']);
    const out = path.join(dir, 'copy.sqlite');
    expect((await run(['--db', file, 'backup', out])).code).toBe(0);
    const copy = new BetterSqlite3(out, { readonly: true });
    expect(copy.prepare('SELECT count(*) n FROM invoices').get()).toEqual({ n: 20 });
    copy.close();
    const again = await run(['--db', file, 'backup', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^cartera: Ya existe un archivo en .*copy\.sqlite; elija otro nombre\.\n$/);
  });
});
