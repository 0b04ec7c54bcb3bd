import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '#shared/domain/dates';
import { CONTACT_RULES } from '#shared/domain/workflow/contactRules';
import { decide, type ClientPosition, type EngineEnv } from '#shared/domain/workflow/engine';
import { defaultPolicy, type Policy } from '#shared/domain/workflow/policy';

const DATE = '2026-11-20'; // a Friday
const policy = defaultPolicy('en');
const env = (over: Partial<EngineEnv> = {}): EngineEnv => ({ date: DATE, policy, rules: CONTACT_RULES.none, holidays: new Set(), ...over });
/** A client whose oldest open invoice fell due `days` days before DATE (negative: in the future). */
const pos = (days: number, over: Partial<ClientPosition> = {}): ClientPosition => ({
  clientId: 7,
  currency: 'PEN',
  segment: null,
  doNotContact: false,
  consumer: false,
  open: 50_000,
  overdue: days > 0 ? 50_000 : 0,
  oldestDue: addDays(DATE, -days),
  activePromise: false,
  lastContact: null,
  recentContacts: [],
  ...over,
});
const stageOf = (p: ClientPosition, e = env()) => {
  const d = decide(p, e);
  return d.due ? d.stage.key : `skip:${d.reason}`;
};

describe('stage borders (default ladder −5, +1, +10, +30, +60, +90)', () => {
  it.each([
    [-6, 'skip:no_stage'],
    [-5, 'courtesy'],
    [0, 'courtesy'],
    [1, 'first_reminder'],
    [9, 'first_reminder'],
    [10, 'call'],
    [29, 'call'],
    [30, 'second_notice'],
    [59, 'second_notice'],
    [60, 'final_notice'],
    [89, 'final_notice'],
    [90, 'pre_legal'],
    [400, 'pre_legal'],
  ])('day %i → %s', (days, expected) => expect(stageOf(pos(days))).toBe(expected));

  it('grace days delay only the after-due triggers', () => {
    const graced: Policy = { ...policy, graceDays: 2 };
    expect(stageOf(pos(-5), env({ policy: graced }))).toBe('courtesy');
    expect(stageOf(pos(2), env({ policy: graced }))).toBe('courtesy');
    expect(stageOf(pos(3), env({ policy: graced }))).toBe('first_reminder');
  });
});

describe('segments', () => {
  it.each([
    ['A', 2, 'courtesy'],
    ['A', 3, 'first_reminder'],
    ['A', 14, 'first_reminder'],
    ['A', 15, 'call'],
    ['C', 4, 'first_reminder'],
    ['C', 5, 'call'],
    ['B', 9, 'first_reminder'],
    ['B', 10, 'call'],
  ] as const)('segment %s day %i → %s', (segment, days, expected) => expect(stageOf(pos(days, { segment }))).toBe(expected));
});

describe('what is skipped', () => {
  it.each<[string, Partial<ClientPosition>, string]>([
    ['do-not-contact', { doNotContact: true }, 'skip:do_not_contact'],
    ['an active promise', { activePromise: true }, 'skip:promise'],
    ['everything disputed or under a plan (nothing collectible)', { open: 0, overdue: 0, oldestDue: null }, 'skip:nothing_collectible'],
    ['under the minimum balance (PEN 10.00)', { overdue: 999 }, 'skip:min_balance'],
    ['right at the minimum balance', { overdue: 1000 }, 'call'],
  ])('%s', (_, over, expected) => expect(stageOf(pos(10, over))).toBe(expected));

  it('minimum balance for a preventive stage looks at the open amount', () => {
    expect(stageOf(pos(-3, { open: 999 }))).toBe('skip:min_balance');
    expect(stageOf(pos(-3, { open: 1000 }))).toBe('courtesy');
  });
});

describe('minimum gap: due on max(trigger, last contact + gap)', () => {
  it.each<[string | null, string]>([
    [null, 'call'],
    [addDays(DATE, -3), 'call'], // gap 3 reached today
    [addDays(DATE, -2), 'skip:gap'],
    [DATE, 'skip:gap'],
  ])('last contact %s → %s', (lastContact, expected) => expect(stageOf(pos(10, { lastContact }))).toBe(expected));

  it('a negative gap is never accepted by the policy schema, zero gap allows today', () => {
    expect(stageOf(pos(10, { lastContact: DATE }), env({ policy: { ...policy, minGapDays: 0 } }))).toBe('call');
  });
});

describe('contact rules for consumers (Peru: Mon–Fri, no holidays; Colombia: 1 a day)', () => {
  const pe = (date: string, holidays: string[] = []) => env({ date, rules: CONTACT_RULES.PE, holidays: new Set(holidays) });
  const at = (date: string) => pos(10, { oldestDue: addDays(date, -10) });
  it.each<[string, string[], boolean, string]>([
    ['2026-11-20', [], true, 'call'], // Friday
    ['2026-11-21', [], true, 'skip:contact_rules'], // Saturday
    ['2026-11-22', [], true, 'skip:contact_rules'], // Sunday
    ['2026-12-08', ['2026-12-08'], true, 'skip:contact_rules'], // Immaculate Conception, a Tuesday
    ['2026-12-08', ['2026-12-08'], false, 'call'], // business clients are not covered
    ['2026-11-21', [], false, 'call'],
  ])('%s holidays %j consumer %s → %s', (date, holidays, consumer, expected) => {
    expect(stageOf({ ...at(date), consumer }, pe(date, holidays))).toBe(expected);
  });

  it('Colombia caps contacts at one a day', () => {
    const e = env({ rules: CONTACT_RULES.CO, policy: { ...policy, minGapDays: 0 } });
    expect(stageOf(pos(10, { consumer: true, recentContacts: [] }), e)).toBe('call');
    expect(stageOf(pos(10, { consumer: true, lastContact: DATE, recentContacts: [{ date: DATE, channel: 'email' }] }), e)).toBe('skip:contact_rules');
  });
});

describe('catch-up and idempotence', () => {
  it('after a long absence only the latest due stage is queued, once', () => {
    // the app was closed from day 5 to day 75: one decision for today, the final notice
    const d = decide(pos(75), env());
    expect(d.due && d.stage.key).toBe('final_notice');
    expect(d.due && d.dueOn).toBe(addDays(DATE, -15));
  });

  it('the same day gives the same origin key (the store inserts it once)', () => {
    const a = decide(pos(12), env());
    const b = decide(pos(12), env());
    expect(a.due && b.due && a.originKey === b.originKey).toBe(true);
    const nextDay = decide(pos(12, { oldestDue: addDays(DATE, -12) }), env({ date: addDays(DATE, 1) }));
    expect(nextDay.due && a.due && nextDay.originKey === a.originKey).toBe(true);
  });
});

describe('property', () => {
  it('no task for a client with zero overdue balance and no preventive rule', () => {
    const noPreventive: Policy = { ...policy, stages: policy.stages.filter((s) => s.day > 0), variants: {} };
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(null, 'A', 'B', 'C' as const),
        fc.boolean(),
        (days, open, segment, consumer) => {
          const d = decide(pos(days, { overdue: 0, open, segment: segment as never, consumer }), env({ policy: noPreventive }));
          expect(d.due).toBe(false);
        },
      ),
    );
  });
});
