import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateOldestFirst, checkAllocations, type OpenInvoice } from '#shared/domain/allocation';

const day = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const invoices = fc.uniqueArray(
  fc.record({ id: fc.integer({ min: 1, max: 10_000 }), dueDate: day, issueDate: day, open: fc.integer({ min: 0, max: 1_000_000 }) }),
  { selector: (i) => i.id, maxLength: 20 },
);

describe('allocateOldestFirst', () => {
  it('never exceeds an open balance, conserves the money, and pays older due dates first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), invoices, (amount, invs: OpenInvoice[]) => {
        const { lines, unapplied } = allocateOldestFirst(amount, invs);
        const byId = new Map(invs.map((i) => [i.id, i]));
        expect(lines.reduce((s, l) => s + l.amount, 0) + unapplied).toBe(amount);
        expect(unapplied).toBeGreaterThanOrEqual(0);
        for (const l of lines) {
          expect(l.amount).toBeGreaterThan(0);
          expect(l.amount).toBeLessThanOrEqual(byId.get(l.invoiceId)!.open);
        }
        // any invoice left with money owed is due no earlier than every invoice that received money, but the last
        const paidFully = lines.slice(0, -1).map((l) => byId.get(l.invoiceId)!);
        const untouched = invs.filter((i) => i.open > 0 && !lines.some((l) => l.invoiceId === i.id));
        for (const p of paidFully) for (const u of untouched) expect(p.dueDate <= u.dueDate).toBe(true);
        if (unapplied > 0) expect(untouched).toEqual([]);
        expect(checkAllocations(amount, lines, invs)).toBeNull();
      }),
    );
  });

  it('flags allocations above an open balance or above the payment', () => {
    const invs: OpenInvoice[] = [{ id: 1, dueDate: '2026-01-01', issueDate: '2026-01-01', open: 100 }];
    expect(
      checkAllocations(
        100,
        [
          { invoiceId: 1, amount: 60 },
          { invoiceId: 1, amount: 60 },
        ],
        invs,
      ),
    ).toMatchObject({ kind: 'exceeds_open', invoiceId: 1 });
    expect(checkAllocations(50, [{ invoiceId: 1, amount: 60 }], invs)).toMatchObject({ kind: 'exceeds_payment' });
    expect(checkAllocations(50, [{ invoiceId: 2, amount: 10 }], invs)).toMatchObject({ kind: 'unknown_invoice' });
  });
});
