import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '#shared/domain/dates';
import { invoiceInterest, interestTotals, type InterestInvoice } from '#shared/domain/lateInterest';

const terms = { annualPct: 12, fee: 1_500 };

describe('invoiceInterest', () => {
  it('accrues simple interest actual/365 from the day after the due date through D, rounded once', () => {
    const inv: InterestInvoice = { amount: 1_000_000, dueDate: '2026-01-31', events: [] };
    // 10,000.00 × 12 % × 30/365 = 98.630… → 98.63
    expect(invoiceInterest(inv, '2026-03-02', terms)).toEqual({ balance: 1_000_000, daysLate: 30, interest: 9_863, fee: 1_500 });
    expect(invoiceInterest(inv, '2026-01-31', terms)).toEqual({ balance: 1_000_000, daysLate: 0, interest: 0, fee: 0 });
    expect(invoiceInterest(inv, '2026-02-01', terms).interest).toBe(329); // 1 day: 3.2876… → 3.29
  });

  it('follows partial payments day by day: the paid part stops accruing from its own date', () => {
    // 1,000.00 due 1 Mar; 400.00 paid 11 Mar; as of 31 Mar: days 2–10 Mar (9) on 1,000.00, 11–31 Mar (21) on 600.00
    const inv: InterestInvoice = {
      amount: 100_000,
      dueDate: '2026-03-01',
      events: [
        { date: '2026-03-11', amount: 40_000 },
        { date: '2026-04-15', amount: 10_000 },
      ],
    };
    const exact = ((100_000 * 9 + 60_000 * 21) * 0.12) / 365; // 710.1369… minor units
    const r = invoiceInterest(inv, '2026-03-31', terms);
    expect(r).toMatchObject({ balance: 60_000, daysLate: 30 });
    expect(r.interest).toBe(Math.round(exact));
    // a payment dated after D is not known at D
    expect(invoiceInterest(inv, '2026-03-31', terms)).toEqual(invoiceInterest({ ...inv, events: inv.events.slice(0, 1) }, '2026-03-31', terms));
  });

  it('rounds half up once per invoice, not per day', () => {
    // 365 days on 1 cent at 50 %: exactly 0.5 → 1; per-day rounding would give 0
    expect(invoiceInterest({ amount: 1, dueDate: '2025-01-01', events: [] }, '2026-01-01', { annualPct: 50, fee: 0 }).interest).toBe(1);
  });

  it('owes nothing on an invoice with nothing open, and no fee for invoices not yet due', () => {
    expect(invoiceInterest({ amount: 100, dueDate: '2026-01-01', events: [{ date: '2026-01-05', amount: 100 }] }, '2026-02-01', terms)).toMatchObject({
      balance: 0,
      interest: 0,
      fee: 0,
    });
    expect(invoiceInterest({ amount: 100, dueDate: '2026-03-01', events: [] }, '2026-02-01', terms)).toMatchObject({ interest: 0, fee: 0 });
  });

  it('agrees with a day-by-day sum for random payment histories (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.record({ day: fc.integer({ min: -20, max: 120 }), share: fc.double({ min: 0, max: 0.5, noNaN: true }) }), { maxLength: 6 }),
        fc.integer({ min: -10, max: 120 }),
        fc.integer({ min: 0, max: 1_000_000 }).map((bp) => bp / 10_000),
        (amount, evs, asOfDay, annualPct) => {
          const due = '2026-05-31';
          const events = evs.map((e) => ({ date: addDays(due, e.day), amount: Math.floor(amount * e.share) }));
          const inv = { amount, dueDate: due, events };
          const asOf = addDays(due, asOfDay);
          const r = invoiceInterest(inv, asOf, { annualPct, fee: 0 });
          let acc = 0n;
          for (let d = 1; d <= asOfDay; d++) {
            const day = addDays(due, d);
            const open = events.reduce((o, e) => (e.date <= day ? o - e.amount : o), amount);
            if (open > 0) acc += BigInt(open);
          }
          const num = acc * BigInt(Math.round(annualPct * 10_000));
          const den = 100n * 10_000n * 365n;
          const open = events.reduce((o, e) => (e.date <= asOf ? o - e.amount : o), amount);
          const expected = asOfDay > 0 && open > 0 ? Number((2n * num + den) / (2n * den)) : 0;
          expect(r.interest).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('interestTotals', () => {
  it('total = overdue balance + interest + fees, over overdue invoices only', () => {
    const a = invoiceInterest({ amount: 100_000, dueDate: '2026-01-31', events: [] }, '2026-03-02', terms);
    const b = invoiceInterest({ amount: 50_000, dueDate: '2026-04-30', events: [] }, '2026-03-02', terms);
    const t = interestTotals([a, b]);
    expect(t).toEqual({ overdue: 100_000, interest: a.interest, fees: 1_500, total: 100_000 + a.interest + 1_500 });
  });
});
