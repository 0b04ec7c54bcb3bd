import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { addMonths } from '#shared/domain/dates';
import { freshCore } from '../support/core';
import { capture, type Captured } from '../support/queryplan';

/**
 * EXPLAIN QUERY PLAN for the hot queries, so an index is never lost silently (issue #6).
 *
 * The SQL is not copied here: each test runs the real operation through `core.call` while recording
 * every statement the service prepares (and the parameters it binds), then asks SQLite for the plan of
 * exactly those statements. The book has no ANALYZE statistics, like a user's file, so the plans are
 * the ones the app gets. Timings are measured by `npm run bench`, never asserted here.
 */

function planOf(sqlite: BetterSqlite3.Database, q: Captured): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** The one captured statement that matches; fails loudly if the service stopped running it. */
function find(log: Captured[], what: string, test: (sql: string) => boolean): Captured {
  const hits = log.filter((q) => test(q.sql.replace(/"/g, '').replace(/\s+/g, ' ')));
  if (hits.length === 0)
    throw new Error(`no captured statement for ${what}; captured:\n${log.map((q) => q.sql.replace(/\s+/g, ' ').slice(0, 160)).join('\n')}`);
  return hits[hits.length - 1]!;
}

const BIG_TABLES = ['invoices', 'payments', 'payment_allocations', 'credit_notes'];

/** No full table scan of a big table (`SCAN invoices` / `SCAN i` with no index) in any statement of the flow. */
function expectNoFullScans(sqlite: BetterSqlite3.Database, log: Captured[]): void {
  for (const q of log) {
    if (!/\b(invoices|payments|payment_allocations|credit_notes)\b/i.test(q.sql)) continue;
    const aliases = new Map<string, string>();
    for (const m of q.sql.replace(/"/g, '').matchAll(/\b(invoices|payments|payment_allocations|credit_notes)\s+(?:as\s+)?([a-z_]+)\b/gi))
      aliases.set(m[2]!.toLowerCase(), m[1]!.toLowerCase());
    for (const line of planOf(sqlite, q)) {
      const m = /^SCAN (\w+)$/.exec(line.trim());
      if (!m) continue;
      const table = aliases.get(m[1]!.toLowerCase()) ?? m[1]!.toLowerCase();
      if (BIG_TABLES.includes(table)) throw new Error(`full scan of ${table} in:\n${q.sql}\nplan:\n${planOf(sqlite, q).join('\n')}`);
    }
  }
}

const uses = (plan: string[], index: string) => plan.some((l) => new RegExp(`USING (COVERING )?INDEX ${index}\\b`).test(l));

describe('query plans of the hot queries', () => {
  let core: Core & { dir: string };
  let sqlite: BetterSqlite3.Database;
  let bigClient: number;
  const today = '2026-11-20';

  beforeAll(async () => {
    core = await freshCore({ today });
    sqlite = core.ctx.sqlite;
    await core.call('demo.load', { clients: 40, invoices: 2000, seed: 7 });
    bigClient = (sqlite.prepare('SELECT client_id AS id FROM invoices GROUP BY client_id ORDER BY count(*) DESC LIMIT 1').get() as { id: number }).id;
  });
  afterAll(async () => {
    await core.close();
    fs.rmSync(core.dir, { recursive: true, force: true });
  });

  it('aging as of today reads only the partial index of open invoices, covering', async () => {
    const log = await capture(sqlite, () => core.call('aging.report', { asOf: today, basis: 'due' }));
    const q = find(log, 'open items from maintained balances', (s) => /open_amount > 0/.test(s) && /FROM invoices i/i.test(s));
    const plan = planOf(sqlite, q);
    expect(plan.join('\n')).toMatch(/SCAN i USING COVERING INDEX invoices_open\b/);
    expect(uses(plan, 'invoices_issue_settled')).toBe(false);
    expectNoFullScans(sqlite, log);
  });

  it('aging as of a past date finds candidates by index and sums events per invoice by index', async () => {
    const log = await capture(sqlite, () => core.call('aging.report', { asOf: addMonths(today, -6), basis: 'due' }));
    const q = find(log, 'balances rebuilt from events', (s) => /settled_on/.test(s) && /payment_allocations/.test(s));
    const plan = planOf(sqlite, q);
    expect(uses(plan, 'invoices_issue_settled'), plan.join('\n')).toBe(true);
    expect(uses(plan, 'payment_allocations_invoice'), plan.join('\n')).toBe(true);
    expect(uses(plan, 'credit_notes_invoice'), plan.join('\n')).toBe(true);
    expectNoFullScans(sqlite, log);
    // the shortcut that decides which path to take reads the date indexes, not the tables
    const latest = planOf(
      sqlite,
      find(log, 'latest event date', (s) => /max\(date\)/.test(s)),
    );
    expect(uses(latest, 'payment_allocations_date') && uses(latest, 'credit_notes_date'), latest.join('\n')).toBe(true);
  });

  it('client search scans only the clients table and reads balances from indexes', async () => {
    const log = await capture(sqlite, () => core.call('clients.list', { search: 'andi', limit: 50, offset: 0 }));
    const q = find(log, 'the search page', (s) => /LIKE/.test(s) && /from clients/i.test(s));
    for (const line of planOf(sqlite, q)) expect(line).not.toMatch(/^SCAN (invoices|payments|i|p)$/);
    const open = find(log, 'open balances of the page', (s) => /from invoices/i.test(s) && /open_amount > \?/.test(s) && /client_id in/i.test(s));
    expect(planOf(sqlite, open).join('\n')).toMatch(/SEARCH (invoices|i) USING COVERING INDEX invoices_open \(client_id=\?\)/);
    expectNoFullScans(sqlite, log);
  });

  it("one client's page: invoices by client, payments by client, allocations by payment, all by index", async () => {
    const log = await capture(sqlite, async () => {
      await core.call('clients.get', { id: bigClient });
      await core.call('invoices.listByClient', { clientId: bigClient });
      await core.call('payments.listByClient', { clientId: bigClient });
    });
    // the open part of the page in (due date, id) descending order straight from the partial index
    const open = planOf(
      sqlite,
      find(log, 'open invoices of the client', (s) =>
        /^select \* from invoices where client_id = \? and open_amount > \? order by due_date desc, id desc limit \? offset \?$/i.test(s),
      ),
    );
    expect(open.join('\n')).toMatch(/SEARCH invoices USING INDEX invoices_open_client_due \(client_id=\?\)/);
    expect(open.join('\n')).not.toMatch(/TEMP B-TREE/);
    // the settled part in the same order from (client_id, due_date)
    const rest = planOf(
      sqlite,
      find(log, 'settled invoices of the client', (s) =>
        /^select \* from invoices where client_id = \? and open_amount = \? order by due_date desc, id desc limit \? offset \?$/i.test(s),
      ),
    );
    expect(rest.join('\n')).toMatch(/SEARCH invoices USING INDEX invoices_client_due \(client_id=\?\)/);
    expect(rest.join('\n')).not.toMatch(/TEMP B-TREE/);
    const pay = planOf(
      sqlite,
      find(log, 'payments of the client', (s) => /^select \* from payments where client_id = \? order by date desc, id desc limit \? offset \?$/i.test(s)),
    );
    expect(pay.join('\n')).toMatch(/SEARCH payments USING INDEX payments_client_date \(client_id=\?\)/);
    expect(pay.join('\n')).not.toMatch(/TEMP B-TREE/);
    const alloc = planOf(
      sqlite,
      find(log, 'allocations of the payments', (s) => /from payment_allocations as a/i.test(s) && /payment_id in/i.test(s)),
    );
    expect(uses(alloc, 'payment_allocations_payment'), alloc.join('\n')).toBe(true);
    // clients.get: balances and the three counts from covering indexes, never the tables
    const balances = planOf(
      sqlite,
      find(log, 'balances of the client', (s) => /from invoices/i.test(s) && /open_amount > \?/.test(s) && /client_id in/i.test(s)),
    );
    expect(balances.join('\n')).toMatch(/SEARCH (invoices|i) USING COVERING INDEX invoices_open \(client_id=\?\)/);
    // the disputed part of each open invoice from the disputes index, never the table
    expect(balances.join('\n')).toMatch(/SEARCH d USING INDEX disputes_invoice \(invoice_id=\? AND status=\?\)/);
    const counts = planOf(
      sqlite,
      find(log, 'counts of the client', (s) => /AS invoiceCount/.test(s)),
    );
    expect(
      counts.filter((l) => /^SEARCH/.test(l)),
      counts.join('\n'),
    ).toEqual([
      'SEARCH invoices USING COVERING INDEX invoices_client_due (client_id=?)',
      expect.stringMatching(/^SEARCH invoices USING COVERING INDEX invoices_open(_client_due)? \(client_id=\?\)$/),
      expect.stringMatching(/^SEARCH payments USING COVERING INDEX payments_\w+ \(client_id=\?\)$/),
    ]);
    expectNoFullScans(sqlite, log);
  });

  it("a later page of a client's invoices counts the open ones from an index, then reads the settled part in order", async () => {
    const openCount = (sqlite.prepare('SELECT count(*) AS n FROM invoices WHERE client_id = ? AND open_amount > 0').get(bigClient) as { n: number }).n;
    const log = await capture(sqlite, () => core.call('invoices.listByClient', { clientId: bigClient, limit: 5, offset: openCount + 3 }));
    const count = planOf(
      sqlite,
      find(log, 'open invoices count', (s) => /^select count\(\*\) as n from invoices where client_id = \? and open_amount > \?$/i.test(s)),
    );
    expect(count.join('\n')).toMatch(/SEARCH invoices USING COVERING INDEX invoices_open(_client_due)? \(client_id=\?\)/);
    const rest = planOf(
      sqlite,
      find(log, 'settled invoices of the client', (s) => /open_amount = \? order by due_date desc, id desc/i.test(s)),
    );
    expect(rest.join('\n')).not.toMatch(/TEMP B-TREE/);
    expectNoFullScans(sqlite, log);
  });

  it('aging as of today groups by client and currency while reading the covering index, without a temp B-tree', async () => {
    for (const input of [
      { asOf: today, basis: 'due' as const },
      { asOf: today, basis: 'issue' as const, bounds: [15, 45] },
    ]) {
      const log = await capture(sqlite, () => core.call('aging.report', input));
      const plan = planOf(
        sqlite,
        find(log, 'grouped aging', (s) => /FILTER \(WHERE/.test(s) && /GROUP BY i.client_id, i.currency/.test(s)),
      );
      expect(plan.join('\n')).toMatch(/SCAN i USING COVERING INDEX invoices_open\b/);
      expect(plan.join('\n')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    }
    // a drill-down on one client reads only that client's range of the index
    const code = (sqlite.prepare('SELECT code FROM clients WHERE id = ?').get(bigClient) as { code: string }).code;
    const log = await capture(sqlite, () => core.call('aging.summary', { asOf: today, by: 'client', clientCode: code }));
    const plan = planOf(
      sqlite,
      find(log, 'grouped aging of one client', (s) => /FILTER \(WHERE/.test(s) && /client_id IN \(SELECT/.test(s)),
    );
    expect(plan.join('\n')).toMatch(/SEARCH i USING COVERING INDEX invoices_open \(client_id=\?\)/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    expectNoFullScans(sqlite, log);
  });

  it('recording a payment recomputes the balance from allocations and credit notes by invoice', async () => {
    const open = sqlite
      .prepare('SELECT client_id AS clientId, currency FROM invoices WHERE open_amount > 0 AND voided_at IS NULL ORDER BY id LIMIT 1')
      .get() as { clientId: number; currency: string };
    const log = await capture(sqlite, () =>
      core.call('payments.record', { clientId: open.clientId, date: today, amount: 100, currency: open.currency, method: 'transfer' }),
    );
    const q = find(log, 'open amount refresh', (s) => /UPDATE invoices SET/i.test(s) && /open_amount = amount/i.test(s));
    const plan = planOf(sqlite, q);
    expect(uses(plan, 'payment_allocations_invoice'), plan.join('\n')).toBe(true);
    expect(uses(plan, 'credit_notes_invoice'), plan.join('\n')).toBe(true);
    const openOf = find(
      log,
      "the client's open invoices in a currency",
      (s) => /from invoices/i.test(s) && /currency = \?/.test(s) && /open_amount > \?/.test(s),
    );
    expect(planOf(sqlite, openOf).join('\n')).toMatch(/USING (COVERING )?INDEX invoices_open \(client_id=\? AND currency=\?\)/);
    expectNoFullScans(sqlite, log);
  });
});
