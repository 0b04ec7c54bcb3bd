import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freshCore, snapshot } from '../support/core';

/** The demo / benchmark book generator (issue #6): deterministic per seed, realistic, and consistent. */
describe('demo generator', () => {
  const cores: Awaited<ReturnType<typeof freshCore>>[] = [];
  const book = async (seed: number, clients = 30, invoices = 1500) => {
    const core = await freshCore();
    cores.push(core);
    await core.call('demo.load', { clients, invoices, seed });
    const { kysely_migration: _m, kysely_migration_lock: _l, ...rows } = snapshot(core);
    return { core, rows };
  };
  afterAll(async () => {
    for (const c of cores) {
      await c.close();
      fs.rmSync(c.dir, { recursive: true, force: true });
    }
  });

  it('builds the same book from the same seed, and a different one from another seed', async () => {
    const a = await book(11);
    const b = await book(11);
    const c = await book(12);
    expect(a.rows).toEqual(b.rows);
    expect(c.rows.invoices).not.toEqual(a.rows.invoices);
    expect(c.rows.clients).not.toEqual(a.rows.clients);
  });

  it('makes a realistic spread: about 5% open, two currencies, partial payments, credit notes, disputes, promises, plans', async () => {
    const { core } = await book(3, 1000, 20_000);
    const one = (q: string) => Object.values(core.ctx.sqlite.prepare(q).get() as Record<string, number>)[0]!;
    const openShare = one('SELECT avg(open_amount > 0) FROM invoices');
    expect(openShare).toBeGreaterThan(0.03);
    expect(openShare).toBeLessThan(0.08);
    expect(one("SELECT avg(currency = 'USD') FROM invoices")).toBeGreaterThan(0.1);
    expect(one('SELECT count(*) FROM invoices WHERE open_amount > 0 AND open_amount < amount')).toBeGreaterThan(0);
    for (const t of ['credit_notes', 'disputes', 'promises', 'interactions', 'payment_plans', 'plan_installments', 'contacts'])
      expect(one(`SELECT count(*) FROM ${t}`), t).toBeGreaterThan(0);
    for (const s of ['open', 'resolved', 'rejected']) expect(one(`SELECT count(*) FROM disputes WHERE status = '${s}'`), s).toBeGreaterThan(0);
    for (const s of ['kept', 'broken']) expect(one(`SELECT count(*) FROM promises WHERE status = '${s}'`), s).toBeGreaterThan(0);
    // a key account with far more invoices than the typical client
    expect(one('SELECT max(n) FROM (SELECT count(*) AS n FROM invoices GROUP BY client_id)')).toBeGreaterThan(500);
  });

  it('keeps the maintained figures equal to the events', async () => {
    const { core } = await book(5, 200, 5000);
    const bad = (q: string) => (core.ctx.sqlite.prepare(q).all() as unknown[]).length;
    // open = amount − allocations − credit notes; settled_on = date of the last event exactly when open is 0
    expect(
      bad(`SELECT i.id FROM invoices i WHERE i.open_amount <> i.amount
             - coalesce((SELECT sum(amount) FROM payment_allocations a WHERE a.invoice_id = i.id), 0)
             - coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id), 0)`),
    ).toBe(0);
    expect(
      bad(`SELECT i.id FROM invoices i WHERE (i.open_amount = 0) <> (i.settled_on IS NOT NULL)
             OR (i.settled_on IS NOT NULL AND i.settled_on <> (SELECT max(d) FROM (
                  SELECT max(date) AS d FROM payment_allocations a WHERE a.invoice_id = i.id
                  UNION ALL SELECT max(date) FROM credit_notes n WHERE n.invoice_id = i.id)))`),
    ).toBe(0);
    // a payment is its allocations plus what is left as credit; allocations match the invoice's currency and client
    expect(
      bad(
        'SELECT p.id FROM payments p WHERE p.amount <> p.unapplied_amount + coalesce((SELECT sum(amount) FROM payment_allocations a WHERE a.payment_id = p.id), 0)',
      ),
    ).toBe(0);
    expect(
      bad(
        'SELECT a.id FROM payment_allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id WHERE p.currency <> i.currency OR p.client_id <> i.client_id OR a.date < i.issue_date',
      ),
    ).toBe(0);
    expect(bad("SELECT id FROM payments WHERE date > '2026-11-20'")).toBe(0);
  });
});
