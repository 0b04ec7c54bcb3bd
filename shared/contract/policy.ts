import { z } from 'zod';
import { op } from './op';
import { currency, empty } from './schemas';
import { CHANNELS, CONTACT_PRESETS, SEGMENTS, type Policy } from '../domain/workflow/policy';

const days = (min: number, max: number) =>
  z
    .number({ error: 'validation.policy.days' })
    .int({ error: 'validation.policy.days' })
    .min(min, { error: min === 0 ? 'validation.policy.negative' : 'validation.policy.days' })
    .max(max, { error: 'validation.policy.days' });
const minor = z
  .number({ error: 'validation.amount' })
  .int({ error: 'validation.amount' })
  .min(0, { error: 'validation.policy.negative' })
  .max(999_999_999_999_99);
const pct = z.number({ error: 'validation.policy.pct' }).min(0, { error: 'validation.policy.negative' }).max(100, { error: 'validation.policy.pct' });
const channel = z.enum(CHANNELS, { error: 'validation.policy.channel' });
const action = z.object({ channel, template: z.string().trim().min(1, { error: 'validation.required' }).max(80) }).strict();
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'validation.policy.stage_key' });
const byCurrency = <T extends z.ZodType>(v: T) => z.record(currency, v);

const stage = z
  .object({
    key,
    name: z.string().trim().min(1, { error: 'validation.required' }).max(80),
    day: days(-365, 3650),
    actions: z.array(action).min(1, { error: 'validation.policy.no_action' }).max(5),
  })
  .strict();
const variant = z
  .object({ stages: z.record(key, z.object({ day: days(-365, 3650).optional(), actions: z.array(action).min(1).max(5).optional() }).strict()) })
  .strict();

/** A policy file: every field checked; stage days unique per ladder (also after a segment's overrides). */
export const policySchema = z
  .object({
    version: z.literal(1),
    graceDays: days(0, 365),
    minGapDays: days(0, 365),
    minBalance: byCurrency(minor),
    lateInterest: byCurrency(z.object({ annualPct: pct, fee: minor }).strict()),
    discount: z
      .object({ pct, daysBeforeDue: days(0, 365) })
      .strict()
      .nullable(),
    paymentMethods: z
      .array(z.object({ name: z.string().trim().min(1, { error: 'validation.required' }).max(80), instructions: z.string().trim().max(500) }).strict())
      .max(30),
    promises: z.object({ graceDays: days(0, 60), tolerancePct: pct }).strict(),
    disputes: z.object({ followUpDays: days(1, 365) }).strict(),
    stages: z.array(stage).min(1, { error: 'validation.policy.no_stage' }).max(30),
    variants: z.partialRecord(z.enum(SEGMENTS, { error: 'validation.policy.segment' }), variant),
    contactRules: z.object({ preset: z.enum(CONTACT_PRESETS, { error: 'validation.policy.preset' }) }).strict(),
    segmentThresholds: z.object({ a: pct, b: pct }).strict(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const keys = new Set<string>();
    p.stages.forEach((s, i) => {
      if (keys.has(s.key)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'key'], message: 'validation.policy.stage_key_duplicate' });
      keys.add(s.key);
    });
    const checkDays = (list: { key: string; day: number }[], path: (string | number)[]) => {
      const seen = new Map<number, string>();
      for (const s of list) {
        const other = seen.get(s.day);
        if (other !== undefined) ctx.addIssue({ code: 'custom', path, message: 'validation.policy.stage_day_duplicate' });
        seen.set(s.day, s.key);
      }
    };
    checkDays(p.stages, ['stages']);
    for (const [seg, v] of Object.entries(p.variants)) {
      for (const k of Object.keys(v?.stages ?? {}))
        if (!keys.has(k)) ctx.addIssue({ code: 'custom', path: ['variants', seg, 'stages', k], message: 'validation.policy.unknown_stage' });
      checkDays(
        p.stages.map((s) => ({ key: s.key, day: v?.stages[s.key]?.day ?? s.day })),
        ['variants', seg],
      );
    }
    if (p.segmentThresholds.a > p.segmentThresholds.b) ctx.addIssue({ code: 'custom', path: ['segmentThresholds'], message: 'validation.policy.thresholds' });
  });

export const getPolicy = op<Policy>()('policy.get', empty, { writes: false });
export const setPolicy = op<Policy>()('policy.set', z.object({ policy: policySchema }).strict(), { writes: true });

export const policyOps = [getPolicy, setPolicy] as const;
