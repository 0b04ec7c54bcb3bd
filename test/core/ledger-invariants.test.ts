import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshCore } from '../support/core';

type Step =
  | { kind: 'pay'; amount: number; currency: 'PEN' | 'USD'; day: number; target: number | null }
  | { kind: 'void'; pick: number }
  | { kind: 'credit'; target: number; amount: number; day: number }
  | { kind: 'voidCredit'; pick: number }
  | { kind: 'apply'; pick: number; day: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    amount: fc.integer({ min: 1, max: 400_000 }),
    currency: fc.constantFrom('PEN' as const, 'USD' as const),
    day: fc.integer({ min: 1, max: 28 }),
    target: fc.option(fc.integer({ min: 0, max: 5 })),
  }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('credit' as const),
    target: fc.integer({ min: 0, max: 5 }),
    amount: fc.integer({ min: 1, max: 80_000 }),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({ kind: fc.constant('voidCredit' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('apply' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
);

/** Checks the ledger's invariants straight from the tables. */
function checkInvariants(sqlite: import('better-sqlite3').Database) {
  const invoices = sqlite
    .prepare(
      `
    SELECT i.amount, i.open_amount, i.settled_on,
      coalesce((SELECT sum(amount) FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL), 0) AS allocated,
      coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL), 0) AS credited,
      (SELECT max(d) FROM (SELECT date AS d FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL
                           UNION ALL SELECT date FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL)) AS last
    FROM invoices i`,
    )
    .all() as { amount: number; open_amount: number; settled_on: string | null; allocated: number; credited: number; last: string | null }[];
  for (const i of invoices) {
    expect(i.open_amount).toBe(i.amount - i.credited - i.allocated); // balance = amount − credits − allocations
    expect(i.open_amount).toBeGreaterThanOrEqual(0);
    expect(i.settled_on).toBe(i.open_amount === 0 ? i.last : null);
  }
  const payments = sqlite
    .prepare(
      `
    SELECT p.amount, p.unapplied_amount, p.voided_at,
      coalesce((SELECT sum(amount) FROM payment_allocations a WHERE a.payment_id = p.id AND a.voided_at IS NULL), 0) AS allocated
    FROM payments p`,
    )
    .all() as { amount: number; unapplied_amount: number; voided_at: string | null; allocated: number }[];
  for (const p of payments) {
    if (p.voided_at) expect([p.allocated, p.unapplied_amount]).toEqual([0, 0]);
    else expect(p.allocated + p.unapplied_amount).toBe(p.amount);
  }
}

describe('ledger invariants under random payments and voids', () => {
  it('keeps balance = amount − allocations, nothing negative, allocations within open balances', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const core = await freshCore();
        try {
          const c = await core.call('clients.create', { code: 'C1', name: 'Andina' });
          const ids: number[] = [];
          for (let k = 0; k < 6; k++) {
            const inv = await core.call('invoices.create', {
              clientId: c.id,
              number: `F-${k}`,
              issueDate: `2026-0${1 + (k % 6)}-10`,
              currency: k % 3 === 2 ? 'USD' : 'PEN',
              amount: 50_000 + k * 37_011,
            });
            ids.push(inv.id);
          }
          const payments: number[] = [];
          const credits: number[] = [];
          for (const s of steps) {
            if (s.kind === 'pay') {
              const input = { clientId: c.id, date: `2026-10-${String(s.day).padStart(2, '0')}`, amount: s.amount, currency: s.currency, method: 'transfer' };
              const target = s.target === null ? null : ids[s.target]!;
              const r = await core.dispatch('payments.record', target === null ? input : { ...input, allocations: [{ invoiceId: target, amount: s.amount }] });
              if (r.ok) payments.push((r.data as { id: number }).id);
              else expect(['invalid_state']).toContain(r.error.code);
            } else if (s.kind === 'void' && payments.length > 0) {
              await core.dispatch('payments.void', { id: payments[s.pick % payments.length]!, reason: 'test' });
            } else if (s.kind === 'credit') {
              const r = await core.dispatch('creditNotes.create', {
                invoiceId: ids[s.target]!,
                number: `NC-${credits.length}-${s.day}-${s.amount}`,
                date: `2026-10-${String(s.day).padStart(2, '0')}`,
                amount: s.amount,
              });
              if (r.ok) credits.push((r.data as { id: number }).id);
              else expect(['invalid_state', 'conflict']).toContain(r.error.code);
            } else if (s.kind === 'voidCredit' && credits.length > 0) {
              await core.dispatch('creditNotes.void', { id: credits[s.pick % credits.length]!, reason: 'test' });
            } else if (s.kind === 'apply' && payments.length > 0) {
              await core.dispatch('payments.applyCredit', {
                paymentId: payments[s.pick % payments.length]!,
                date: `2026-11-${String(s.day).padStart(2, '0')}`,
              });
            }
            checkInvariants(core.ctx.sqlite);
          }
        } finally {
          await core.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
