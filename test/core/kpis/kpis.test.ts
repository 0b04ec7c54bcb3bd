import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { freshCore } from '../../support/core';

/**
 * A hand-made quarter whose figures are worked out below by hand (Q3 2026, PEN):
 *  A 6,200.00 issued 06-10 due 07-10 → AR_begin (06-30) = 6,200.00; paid in full 08-05.
 *  B 5,000.00 issued 07-15 due 08-14; credit note 100.00 on 08-01; 2,000.00 paid 09-10.
 *  C 3,000.00 issued 09-20 due 10-20.
 *  CS = 8,000.00 − 100.00 = 7,900.00. AR_end (09-30) = B 2,900.00 (47 days) + C 3,000.00 (current) = 5,900.00.
 */
describe('kpis.report end to end', () => {
  let core: Core & { dir: string };
  beforeAll(async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Uno' });
    const a = await core.call('invoices.create', {
      clientId: c.id,
      number: 'A',
      issueDate: '2026-06-10',
      dueDate: '2026-07-10',
      currency: 'PEN',
      amount: 620_000,
    });
    const b = await core.call('invoices.create', {
      clientId: c.id,
      number: 'B',
      issueDate: '2026-07-15',
      dueDate: '2026-08-14',
      currency: 'PEN',
      amount: 500_000,
    });
    const cc = await core.call('invoices.create', {
      clientId: c.id,
      number: 'C',
      issueDate: '2026-09-20',
      dueDate: '2026-10-20',
      currency: 'PEN',
      amount: 300_000,
    });
    await core.call('creditNotes.create', { invoiceId: b.id, number: 'NC1', date: '2026-08-01', amount: 10_000 });
    await core.call('payments.record', {
      clientId: c.id,
      date: '2026-08-05',
      amount: 620_000,
      currency: 'PEN',
      method: 'transfer',
      allocations: [{ invoiceId: a.id, amount: 620_000 }],
    });
    await core.call('payments.record', {
      clientId: c.id,
      date: '2026-09-10',
      amount: 200_000,
      currency: 'PEN',
      method: 'transfer',
      allocations: [{ invoiceId: b.id, amount: 200_000 }],
    });
    // promises: on B (kept by a payment 2 days late, inside the 3-day grace), on C (broken),
    // without invoice (kept by the client's PEN payment of 08-05), one cancelled, one outside the period
    const ins = core.ctx.sqlite.prepare(
      'INSERT INTO promises (client_id, invoice_id, promised_date, amount, currency, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    ins.run(c.id, b.id, '2026-09-08', 200_000, 'PEN', 'open', '2026-08-01T10:00:00.000Z');
    ins.run(c.id, cc.id, '2026-09-25', 100_000, 'PEN', 'open', '2026-08-01T10:00:00.000Z');
    ins.run(c.id, null, '2026-08-03', 50_000, 'PEN', 'open', '2026-08-01T10:00:00.000Z');
    ins.run(c.id, b.id, '2026-09-01', 999_999, 'PEN', 'cancelled', '2026-08-01T10:00:00.000Z');
    ins.run(c.id, b.id, '2026-10-05', 1_000, 'PEN', 'open', '2026-08-01T10:00:00.000Z');
  });
  afterAll(async () => {
    await core.close();
    fs.rmSync(core.dir, { recursive: true, force: true });
  });

  it('computes every figure as worked out by hand', async () => {
    const r = await core.call('kpis.report', { from: '2026-07-01', to: '2026-09-30' });
    expect(r.arBeginDate).toBe('2026-06-30');
    expect(r.currencies).toHaveLength(1);
    const k = r.currencies[0]!;
    expect(k).toMatchObject({
      currency: 'PEN',
      arBegin: 620_000,
      arEnd: 590_000,
      arEndCurrent: 300_000,
      arEndOver90: 0,
      invoiced: 800_000,
      credited: 10_000,
      creditSales: 790_000,
      collected: 820_000,
      applied: 820_000,
      months: 3,
      days: 92,
      // 590,000 / 790,000 × 92 = 68.71
      dsoSimple: 68.7,
      // 300,000 / 790,000 × 92 = 34.94
      bestPossibleDso: 34.9,
      add: 33.8,
      // (620,000 + 263,333.3 − 590,000) / (620,000 + 263,333.3 − 300,000) = 50.29 %
      cei: 50.3,
      currentPct: 50.8,
      over90Pct: 0,
      // Sep 300,000 < 590,000: 30 d; Aug nets −10,000: 31 d; Jul 290,000 / 500,000 × 31 = 17.98 → 78.98
      dsoCountback: 79,
      dsoCountback30: 77.4,
      countbackExhausted: false,
      promisesDue: 3,
      promisesKept: 2,
      promiseKeptRate: 66.7,
      promisedAmount: 350_000,
      promisedReceived: 250_000,
      promiseKeptRateAmount: 71.4,
    });
    expect(k.explain.dsoSimple.formula).toBe('AR_end / CS × days');
    expect(k.explain.cei.explanation).toContain('50.3 %');
  });

  it('the grace decides: paid two days late keeps with 2 days of grace, breaks with 1', async () => {
    const k2 = (await core.call('kpis.report', { from: '2026-07-01', to: '2026-09-30', graceDays: 2 })).currencies[0]!;
    expect([k2.promisesDue, k2.promisesKept]).toEqual([3, 2]);
    const k1 = (await core.call('kpis.report', { from: '2026-07-01', to: '2026-09-30', graceDays: 1 })).currencies[0]!;
    expect([k1.promisesDue, k1.promisesKept, k1.promiseKeptRate]).toEqual([3, 0, 0]);
  });

  it('the trend ends at the last month-end and agrees with the aging at each month-end', async () => {
    const t = await core.call('kpis.trend', { asOf: '2026-10-15', months: 4 });
    expect(t.monthEnds).toEqual(['2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30']);
    const pen = t.currencies[0]!;
    expect(pen.ar).toEqual([620_000, 1_120_000, 490_000, 590_000]);
    // A overdue from 07-11; B from 08-15
    expect(pen.overdue).toEqual([0, 620_000, 490_000, 290_000]);
    expect(pen.sales).toEqual([620_000, 500_000, -10_000, 300_000]);
    expect(pen.dsoSimple[3]).toBe(59); // 590,000 / 300,000 × 30
    expect(pen.dsoSimple[2]).toBeNull(); // no net sales in August
  });

  it('refuses a period that ends before it starts, in the user language', async () => {
    const r = await core.dispatch('kpis.report', { from: '2026-09-30', to: '2026-07-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('start date');
  });
});

describe('kpis.trend on a demo book equals the aging at every month-end', () => {
  it('AR and overdue', async () => {
    const core = await freshCore();
    try {
      await core.call('demo.load', { clients: 20, invoices: 400, seed: 7, today: '2026-11-20' });
      const t = await core.call('kpis.trend', { asOf: '2026-11-20' });
      expect(t.monthEnds).toHaveLength(12);
      for (const [k, end] of t.monthEnds.entries()) {
        const s = await core.call('aging.summary', { asOf: end, by: 'currency', bounds: [0] });
        for (const cur of t.currencies) {
          const line = s.totals.find((x) => x.currency === cur.currency);
          expect(cur.ar[k], `${cur.currency} AR at ${end}`).toBe(line?.total ?? 0);
          expect(cur.overdue[k], `${cur.currency} overdue at ${end}`).toBe(line?.buckets[1] ?? 0);
        }
      }
    } finally {
      await core.close();
      fs.rmSync(core.dir, { recursive: true, force: true });
    }
  });
});
