import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { addDays } from '#shared/domain/dates';
import { monthWindows } from '#shared/domain/kpiPeriods';
import { dsoCountback, round1 } from '#shared/domain/kpis';
import { freshCore } from '../../support/core';

/**
 * The report reads AR from today's balances plus the events since (ar.ts) and reads only the recent
 * months of sales when the countback stops there (service.ts). Here every figure that depends on
 * that is checked against the plain definitions: the aging as of each date, and sums over all 24
 * countback months.
 */
type Period = { from: string; to: string; basis: 'due' | 'issue' };

async function reference(core: Core, p: Period) {
  const db = core.ctx.sqlite;
  const sum = (q: string, ...args: unknown[]) => new Map((db.prepare(q).all(...args) as { currency: string; s: number }[]).map((r) => [r.currency, r.s]));
  const begin = await core.call('aging.summary', { asOf: addDays(p.from, -1), basis: p.basis, by: 'currency', bounds: [0, 30, 60, 90] });
  const end = await core.call('aging.summary', { asOf: p.to, basis: p.basis, by: 'currency', bounds: [0, 30, 60, 90] });
  const applied = sum(
    'SELECT i.currency, sum(a.amount) AS s FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.voided_at IS NULL AND a.date >= ? AND a.date <= ? GROUP BY i.currency',
    p.from,
    p.to,
  );
  const invoiced = sum(
    'SELECT currency, sum(amount) AS s FROM invoices WHERE voided_at IS NULL AND issue_date >= ? AND issue_date <= ? GROUP BY currency',
    p.from,
    p.to,
  );
  const windows = monthWindows(p.to, 24);
  const sales = new Map<string, number[]>();
  windows.forEach((w, k) => {
    const inv = sum(
      'SELECT currency, sum(amount) AS s FROM invoices WHERE voided_at IS NULL AND issue_date > ? AND issue_date <= ? GROUP BY currency',
      w.after,
      w.end,
    );
    const cn = sum('SELECT currency, sum(amount) AS s FROM credit_notes WHERE voided_at IS NULL AND date > ? AND date <= ? GROUP BY currency', w.after, w.end);
    for (const [m, sign] of [
      [inv, 1],
      [cn, -1],
    ] as const)
      for (const [c, s] of m) {
        if (!sales.has(c)) sales.set(c, new Array<number>(24).fill(0));
        sales.get(c)![k]! += sign * s;
      }
  });
  const currencies = new Set([...begin.totals, ...end.totals].map((t) => t.currency));
  for (const m of [applied, invoiced, sales]) for (const c of m.keys()) currencies.add(c);
  return [...currencies].sort().map((currency) => {
    const e = end.totals.find((t) => t.currency === currency);
    const arEnd = e?.total ?? 0;
    const cb = dsoCountback(
      arEnd,
      windows.map((w, k) => ({ sales: sales.get(currency)?.[k] ?? 0, days: w.days })),
    );
    return {
      currency,
      arBegin: begin.totals.find((t) => t.currency === currency)?.total ?? 0,
      arEnd,
      arEndCurrent: e?.buckets[0] ?? 0,
      arEndOver90: e?.buckets[4] ?? 0,
      applied: applied.get(currency) ?? 0,
      invoiced: invoiced.get(currency) ?? 0,
      dsoCountback: round1(cb.days),
      countbackExhausted: cb.exhausted && arEnd > 0,
    };
  });
}

async function expectLikeReference(core: Core, p: Period): Promise<void> {
  const r = await core.call('kpis.report', { ...p, graceDays: 3 });
  const got = r.currencies.map((k) => ({
    currency: k.currency,
    arBegin: k.arBegin,
    arEnd: k.arEnd,
    arEndCurrent: k.arEndCurrent,
    arEndOver90: k.arEndOver90,
    applied: k.applied,
    invoiced: k.invoiced,
    dsoCountback: k.dsoCountback ?? 0,
    countbackExhausted: k.countbackExhausted,
  }));
  expect(got, JSON.stringify(p)).toEqual(await reference(core, p));
}

describe('kpis.report equals the aging and plain sums', () => {
  let core: Core & { dir: string };
  afterAll(async () => {
    await core.close();
    fs.rmSync(core.dir, { recursive: true, force: true });
  });

  it('on a demo book, for periods near and far from today, on both bases', async () => {
    core = await freshCore({ today: '2026-11-20' });
    await core.call('demo.load', { clients: 25, invoices: 1500, seed: 11, today: '2026-11-20' });
    const periods: [string, string][] = [
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-11-20'],
      ['2026-02-15', '2026-05-14'],
      ['2025-12-01', '2025-12-31'],
      ['2025-01-01', '2026-06-30'],
    ];
    for (const [from, to] of periods) for (const basis of ['due', 'issue'] as const) await expectLikeReference(core, { from, to, basis });
  });
});

describe('the countback reads older months only when it needs them', () => {
  let core: Core & { dir: string };
  let client: number;
  beforeAll(async () => {
    core = await freshCore({ today: '2026-11-20' });
    client = (await core.call('clients.create', { code: 'C1', name: 'Uno' })).id;
    // small monthly sales all through 2026, paid within the month
    for (let m = 1; m <= 10; m++) {
      const issue = `2026-${String(m).padStart(2, '0')}-05`;
      const inv = await core.call('invoices.create', {
        clientId: client,
        number: `M${m}`,
        issueDate: issue,
        dueDate: addDays(issue, 30),
        currency: 'PEN',
        amount: 10_000,
      });
      await core.call('payments.record', {
        clientId: client,
        date: addDays(issue, 10),
        amount: 10_000,
        currency: 'PEN',
        method: 'transfer',
        allocations: [{ invoiceId: inv.id, amount: 10_000 }],
      });
    }
    // a USD sale 20 months back, paid: USD has nothing else, yet is listed (its sales are within 24 months)
    const usd = await core.call('invoices.create', {
      clientId: client,
      number: 'U1',
      issueDate: '2025-02-10',
      dueDate: '2025-03-12',
      currency: 'USD',
      amount: 50_000,
    });
    await core.call('payments.record', {
      clientId: client,
      date: '2025-03-01',
      amount: 50_000,
      currency: 'USD',
      method: 'transfer',
      allocations: [{ invoiceId: usd.id, amount: 50_000 }],
    });
  });
  afterAll(async () => {
    await core.close();
    fs.rmSync(core.dir, { recursive: true, force: true });
  });

  it('a walk that ends in the recent months, with a currency that sold only long ago', async () => {
    await core.call('invoices.create', { clientId: client, number: 'R1', issueDate: '2026-09-20', dueDate: '2026-10-20', currency: 'PEN', amount: 5_000 });
    const p = { from: '2026-07-01', to: '2026-09-30', basis: 'due' as const };
    await expectLikeReference(core, p);
    const r = await core.call('kpis.report', { ...p, graceDays: 3 });
    expect(r.currencies.map((c) => c.currency)).toEqual(['PEN', 'USD']);
  });

  it('a walk past the recent months (one large old invoice), and one past all 24 months', async () => {
    await core.call('invoices.create', { clientId: client, number: 'OLD', issueDate: '2025-06-01', dueDate: '2025-07-01', currency: 'PEN', amount: 1_000_000 });
    await expectLikeReference(core, { from: '2026-07-01', to: '2026-09-30', basis: 'due' });
    await core.call('invoices.create', {
      clientId: client,
      number: 'OLDER',
      issueDate: '2024-06-01',
      dueDate: '2024-07-01',
      currency: 'PEN',
      amount: 9_000_000,
    });
    await expectLikeReference(core, { from: '2026-07-01', to: '2026-09-30', basis: 'issue' });
    const k = (await core.call('kpis.report', { from: '2026-07-01', to: '2026-09-30', graceDays: 3 })).currencies[0]!;
    expect(k.countbackExhausted).toBe(true);
  });
});
