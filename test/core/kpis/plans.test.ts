import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { freshCore } from '../../support/core';
import { capture, type Captured } from '../../support/queryplan';

/**
 * Query plans of the KPI report and trend (migration 0005): every statement reads an index range, and
 * none scans a big table. Runs the real operations and asks SQLite for the plans of the statements they
 * ran (same approach as test/core/queryplans.test.ts). Timings live in `npm run bench`.
 */

const planOf = (sqlite: BetterSqlite3.Database, q: Captured) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[]).map((r) => r.detail).join('\n');

function planFor(sqlite: BetterSqlite3.Database, log: Captured[], test: RegExp): string {
  const q = log.find((x) => test.test(x.sql.replace(/\s+/g, ' ')));
  if (!q) throw new Error(`no statement matching ${test}`);
  return planOf(sqlite, q);
}

describe('query plans of the KPIs', () => {
  let core: Core & { dir: string };
  let sqlite: BetterSqlite3.Database;
  beforeAll(async () => {
    core = await freshCore({ today: '2026-11-20' });
    sqlite = core.ctx.sqlite;
    await core.call('demo.load', { clients: 30, invoices: 1500, seed: 3, today: '2026-11-20' });
  });
  afterAll(async () => {
    await core.close();
    fs.rmSync(core.dir, { recursive: true, force: true });
  });

  it('report and trend: covering index ranges, events joined to their invoice by id, no table scan', async () => {
    const log = await capture(sqlite, async () => {
      await core.call('kpis.report', { from: '2026-07-01', to: '2026-09-30' });
      await core.call('kpis.trend', { asOf: '2026-11-20' });
    });
    // a bare SCAN of a big table (by name or by the aliases these queries use) reads the whole book
    for (const q of log) expect(planOf(sqlite, q), q.sql).not.toMatch(/^SCAN (invoices|payments|payment_allocations|credit_notes|i|a|pm|n)$/m);
    expect(planFor(sqlite, log, /FROM invoices i INDEXED BY invoices_open/)).toMatch(/SCAN i USING COVERING INDEX invoices_open/);
    const events = planFor(sqlite, log, /WITH x AS MATERIALIZED .* AS alloc/);
    expect(events).toMatch(/SEARCH payment_allocations USING COVERING INDEX payment_allocations_date \(date>\?\)/);
    expect(events).toMatch(/SEARCH credit_notes USING COVERING INDEX credit_notes_date \(date>\?\)/);
    expect(events).toMatch(/SEARCH i USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(planFor(sqlite, log, /FROM invoices WHERE currency IN/)).toMatch(
      /SEARCH invoices USING COVERING INDEX invoices_currency_issue \(currency=\? AND issue_date>\? AND issue_date<\?\)/,
    );
    expect(planFor(sqlite, log, /FROM payments WHERE date >=/)).toMatch(/SEARCH payments USING COVERING INDEX payments_date/);
  });
});
