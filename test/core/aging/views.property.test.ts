import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketIndex, DEFAULT_BOUNDS } from '#shared/domain/aging';
import { addDays, diffDays } from '#shared/domain/dates';
import type { Core } from '#core/app';
import { agingReportFromItems } from '#core/aging/service';
import { freshCore } from '../../support/core';

// A random ledger: invoices, then payments and credit notes against them (some voided afterwards).
const ledgerArb = fc.record({
  clients: fc.array(fc.constantFrom('Retail', 'Mayorista', null), { minLength: 1, maxLength: 3 }),
  invoices: fc.array(
    fc.record({
      client: fc.nat(2),
      currency: fc.constantFrom('PEN', 'USD', 'CLP'),
      issue: fc.integer({ min: 0, max: 200 }),
      terms: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  events: fc.array(
    fc.record({
      invoice: fc.nat(9),
      kind: fc.constantFrom('payment', 'payment', 'credit'),
      percent: fc.integer({ min: 1, max: 100 }),
      after: fc.integer({ min: 0, max: 120 }),
      voided: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    }),
    { maxLength: 14 },
  ),
  asOfs: fc.array(fc.integer({ min: -5, max: 330 }), { minLength: 1, maxLength: 4 }),
});

type Ledger = typeof ledgerArb extends fc.Arbitrary<infer T> ? T : never;
type ReportInput = Parameters<typeof agingReportFromItems>[1];
type Model = { id: number; currency: string; issueDate: string; dueDate: string; amount: number; events: { date: string; amount: number }[] };
const BASE = '2026-01-01';

async function build(core: Core, l: Ledger): Promise<Model[]> {
  const clients = [];
  for (const [i, segment] of l.clients.entries()) clients.push(await core.call('clients.create', { code: `C${i + 1}`, name: `Client ${i + 1}`, segment }));
  const invoices: Model[] = [];
  for (const [k, inv] of l.invoices.entries()) {
    const client = clients[inv.client % clients.length]!;
    const issueDate = addDays(BASE, inv.issue);
    const created = await core.call('invoices.create', {
      clientId: client.id,
      number: `F-${k + 1}`,
      issueDate,
      dueDate: addDays(issueDate, inv.terms),
      currency: inv.currency,
      amount: inv.amount,
    });
    invoices.push({ id: created.id, currency: inv.currency, issueDate, dueDate: created.dueDate, amount: inv.amount, events: [] });
  }
  for (const [k, e] of l.events.entries()) {
    const inv = invoices[e.invoice % invoices.length]!;
    const open = inv.amount - inv.events.reduce((s, x) => s + x.amount, 0);
    const amount = Math.min(open, Math.ceil((inv.amount * e.percent) / 100));
    if (amount <= 0) continue;
    const date = addDays(inv.issueDate, e.after);
    const clientId = (await core.ctx.db.selectFrom('invoices').select('clientId').where('id', '=', inv.id).executeTakeFirstOrThrow()).clientId;
    if (e.kind === 'payment') {
      const p = await core.call('payments.record', {
        clientId,
        date,
        amount,
        currency: inv.currency,
        method: 'transfer',
        allocations: [{ invoiceId: inv.id, amount }],
      });
      if (e.voided) await core.call('payments.void', { id: p.id, reason: 'test' });
      else inv.events.push({ date, amount });
    } else {
      const cn = await core.call('creditNotes.create', { invoiceId: inv.id, number: `NC-${k + 1}`, date, amount });
      if (e.voided) await core.call('creditNotes.void', { id: cn.id, reason: 'test' });
      else inv.events.push({ date, amount });
    }
  }
  return invoices;
}

/** The rules of issue #2 written the slow, obvious way. */
function expectedOpen(m: Model[], asOf: string): Map<number, { open: number; currency: string; days: number }> {
  const out = new Map<number, { open: number; currency: string; days: number }>();
  for (const inv of m) {
    if (inv.issueDate > asOf) continue;
    const open = inv.amount - inv.events.filter((e) => e.date <= asOf).reduce((s, e) => s + e.amount, 0);
    if (open > 0) out.set(inv.id, { open, currency: inv.currency, days: diffDays(inv.dueDate, asOf) });
  }
  return out;
}

describe('aging views, properties on random ledgers', () => {
  it('detail = open balances by the rules; buckets sum to totals; SQL summary = JS report; later events ignored', async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb, async (l) => {
        const core = await freshCore();
        try {
          const model = await build(core, l);
          // boundary days matter most: the day of a payment, an issue date, a due date
          const edges = model.flatMap((m) => [m.issueDate, m.dueDate, ...m.events.map((e) => e.date)]);
          const dates = [...l.asOfs.map((o) => addDays(BASE, o)), ...edges.filter((_, i) => i % 3 === l.asOfs.length % 3).slice(0, 4)];
          for (const asOf of dates) {
            const want = expectedOpen(model, asOf);
            const detail = await core.call('aging.detail', { asOf, limit: 100_000 });
            expect(new Map(detail.rows.map((r) => [r.invoiceId, { open: r.open, currency: r.currency, days: r.days }]))).toEqual(want);
            for (const r of detail.rows) expect(r.bucket).toBe(bucketIndex(r.days, DEFAULT_BOUNDS));
            expect(detail.totalRows).toBe(want.size);

            const perCurrency = new Map<string, number>();
            for (const w of want.values()) perCurrency.set(w.currency, (perCurrency.get(w.currency) ?? 0) + w.open);
            for (const by of ['client', 'segment', 'currency'] as const) {
              const s = await core.call('aging.summary', { asOf, by });
              expect(new Map(s.totals.map((t) => [t.currency, t.total]))).toEqual(perCurrency);
              for (const line of [...s.rows, ...s.totals]) expect(line.buckets.reduce((a, b) => a + b, 0)).toBe(line.total);
              for (const t of s.totals) expect(s.rows.filter((r) => r.currency === t.currency).reduce((a, r) => a + r.total, 0)).toBe(t.total);
            }
            expect(await core.call('aging.report', { asOf, basis: 'due' })).toEqual(
              await agingReportFromItems(core.ctx, { asOf, basis: 'due' } as ReportInput),
            );
            expect(await core.call('aging.report', { asOf, basis: 'issue', bounds: [15, 45] })).toEqual(
              await agingReportFromItems(core.ctx, { asOf, basis: 'issue', bounds: [15, 45] } as ReportInput),
            );
          }
        } finally {
          await core.close();
          fs.rmSync(core.dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 20 },
    );
  });

  it('the fast path (no later events) and the rebuilt path agree, and a later payment changes nothing', async () => {
    const core = await freshCore();
    try {
      const c = await core.call('clients.create', { code: 'C1', name: 'Uno' });
      const a = await core.call('invoices.create', {
        clientId: c.id,
        number: 'A',
        issueDate: '2026-06-01',
        dueDate: '2026-07-01',
        currency: 'PEN',
        amount: 100_000,
      });
      await core.call('invoices.create', { clientId: c.id, number: 'B', issueDate: '2026-08-01', dueDate: '2026-08-31', currency: 'PEN', amount: 50_000 });
      await core.call('payments.record', {
        clientId: c.id,
        date: '2026-07-15',
        amount: 40_000,
        currency: 'PEN',
        method: 'cash',
        allocations: [{ invoiceId: a.id, amount: 40_000 }],
      });
      const asOf = '2026-09-30';
      const fast = {
        report: await core.call('aging.report', { asOf }),
        detail: await core.call('aging.detail', { asOf }),
        seg: await core.call('aging.summary', { asOf, by: 'segment' }),
      };
      // A: 91 days past due (91–120), B: 30 (1–30)
      // settles A after the as-of date: now the rebuilt (slow) path runs, and must give the same figures
      await core.call('payments.record', {
        clientId: c.id,
        date: '2026-10-10',
        amount: 60_000,
        currency: 'PEN',
        method: 'cash',
        allocations: [{ invoiceId: a.id, amount: 60_000 }],
      });
      await core.call('creditNotes.create', { invoiceId: a.id, number: 'NC1', date: '2026-10-11', amount: 1 }).catch(() => undefined);
      expect(await core.call('aging.report', { asOf })).toEqual(fast.report);
      expect(await core.call('aging.detail', { asOf })).toEqual(fast.detail);
      expect(await core.call('aging.summary', { asOf, by: 'segment' })).toEqual(fast.seg);
      expect(fast.report.totals).toEqual([{ currency: 'PEN', buckets: [0, 50_000, 0, 0, 60_000, 0], total: 110_000 }]);
    } finally {
      await core.close();
    }
  });
});
