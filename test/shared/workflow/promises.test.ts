import { describe, expect, it } from 'vitest';
import { promiseStatus, requiredAmount, type PromiseTerms } from '#shared/domain/workflow/promises';

const rules = { graceDays: 3, tolerancePct: 1 };
// made 11-10, promised for 11-20: payments from 11-10 through 11-23 count
const p: PromiseTerms = { amount: 100_000, currency: 'PEN', made: '2026-11-10', date: '2026-11-20', cancelledOn: null };
const pen = (date: string, amount: number) => ({ date, amount, currency: 'PEN' });

describe('promise kept / broken on the day borders', () => {
  it.each<[string, { date: string; amount: number; currency: string }[], string, string]>([
    ['no payment, last day of grace', [], '2026-11-23', 'active'],
    ['no payment, the day after the window', [], '2026-11-24', 'broken'],
    ['paid in full on the promised date', [pen('2026-11-20', 100_000)], '2026-11-20', 'kept'],
    ['paid on the last grace day', [pen('2026-11-23', 100_000)], '2026-11-30', 'kept'],
    ['paid one day after the grace', [pen('2026-11-24', 100_000)], '2026-11-30', 'broken'],
    ['paid the day it was made', [pen('2026-11-10', 100_000)], '2026-11-10', 'kept'],
    ['paid the day before it was made', [pen('2026-11-09', 100_000)], '2026-11-30', 'broken'],
    ['two partial payments add up', [pen('2026-11-12', 40_000), pen('2026-11-21', 60_000)], '2026-11-24', 'kept'],
    ['partial payment, not enough', [pen('2026-11-12', 40_000)], '2026-11-24', 'broken'],
    ['within the 1 % tolerance', [pen('2026-11-20', 99_000)], '2026-11-24', 'kept'],
    ['just under the tolerance', [pen('2026-11-20', 98_999)], '2026-11-24', 'broken'],
    ['a payment in another currency never counts', [{ date: '2026-11-20', amount: 100_000, currency: 'USD' }], '2026-11-24', 'broken'],
    ['a payment after as-of is not known yet', [pen('2026-11-22', 100_000)], '2026-11-21', 'active'],
  ])('%s', (_, receipts, asOf, expected) => expect(promiseStatus(p, receipts, rules, asOf)).toBe(expected));

  it('cancelled from the day it was cancelled', () => {
    expect(promiseStatus({ ...p, cancelledOn: '2026-11-15' }, [], rules, '2026-11-14')).toBe('active');
    expect(promiseStatus({ ...p, cancelledOn: '2026-11-15' }, [], rules, '2026-11-15')).toBe('cancelled');
  });

  it('tolerance is rounded in minor units without floats', () => {
    expect(requiredAmount(100_000, 1)).toBe(99_000);
    expect(requiredAmount(12_345, 1.5)).toBe(12_160);
    expect(requiredAmount(500, 0)).toBe(500);
  });
});
