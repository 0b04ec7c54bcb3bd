/**
 * The collection policy: one per book, stored as JSON so it can be reviewed, versioned and copied
 * between books (`cartera policy show|set`). Money in minor units per currency; days are whole days.
 */
export const CHANNELS = ['call', 'whatsapp', 'email', 'sms', 'letter', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SEGMENTS = ['A', 'B', 'C'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const CONTACT_PRESETS = ['PE', 'MX', 'CO', 'CL', 'AR', 'US', 'none'] as const;
export type ContactPreset = (typeof CONTACT_PRESETS)[number];

export type StageAction = { channel: Channel; template: string };

/** Entered when the oldest open, collectible invoice is `day` days past due (negative: before due). */
export type Stage = { key: string; name: string; day: number; actions: StageAction[] };

/** Per risk segment: stage days and actions replaced (A: later and softer, C: earlier calls). */
export type SegmentVariant = { stages: Record<string, { day?: number; actions?: StageAction[] }> };

export type Policy = {
  version: 1;
  /** days after the due date before a positive stage trigger counts (applied to triggers > 0) */
  graceDays: number;
  /** minimum days between two contacts with the same client: next action = max(trigger, last + gap) */
  minGapDays: number;
  /** below this overdue balance (minor units) nobody is chased, per currency */
  minBalance: Record<string, number>;
  /** simple interest, actual/365, per currency; `fee` is a fixed late fee per invoice in minor units */
  lateInterest: Record<string, { annualPct: number; fee: number }>;
  /** x % off when paid at least n days before the due date; null = no discount */
  discount: { pct: number; daysBeforeDue: number } | null;
  paymentMethods: { name: string; instructions: string }[];
  promises: { graceDays: number; tolerancePct: number };
  /** an open dispute older than this gets a follow-up task */
  disputes: { followUpDays: number };
  stages: Stage[];
  variants: Partial<Record<Segment, SegmentVariant>>;
  /** compliance guardrail for consumer clients */
  contactRules: { preset: ContactPreset };
  /** risk score (0–100, higher = riskier) at or below `a` → A, at or below `b` → B, else C */
  segmentThresholds: { a: number; b: number };
};

const NAMES = {
  es: {
    courtesy: 'Cortesía',
    first_reminder: 'Primer recordatorio',
    call: 'Llamada',
    second_notice: 'Segundo aviso',
    final_notice: 'Aviso final',
    pre_legal: 'Prejudicial',
  },
  en: {
    courtesy: 'Courtesy',
    first_reminder: 'First reminder',
    call: 'Call',
    second_notice: 'Second notice',
    final_notice: 'Final notice',
    pre_legal: 'Pre-legal',
  },
} as const;

/** The ladder users know: preventive, administrative, negotiation, pre-legal. */
export function defaultPolicy(lang: 'es' | 'en' = 'es', country = 'PE'): Policy {
  const n = NAMES[lang];
  const stage = (key: keyof typeof n, day: number, channel: Channel, template: string): Stage => ({ key, name: n[key], day, actions: [{ channel, template }] });
  const preset = (CONTACT_PRESETS as readonly string[]).includes(country) ? (country as ContactPreset) : 'none';
  return {
    version: 1,
    graceDays: 0,
    minGapDays: 3,
    minBalance: { PEN: 1000, USD: 500 },
    // Mexico's commercial default is 6 % a year; elsewhere the user enters the agreed rate
    lateInterest: country === 'MX' ? { MXN: { annualPct: 6, fee: 0 } } : {},
    discount: null,
    paymentMethods: [],
    promises: { graceDays: 3, tolerancePct: 1 },
    disputes: { followUpDays: 7 },
    stages: [
      stage('courtesy', -5, 'whatsapp', 'reminder.courtesy'),
      stage('first_reminder', 1, 'email', 'reminder.first'),
      stage('call', 10, 'call', 'script.first_call'),
      stage('second_notice', 30, 'email', 'reminder.second'),
      stage('final_notice', 60, 'letter', 'letter.final_notice'),
      stage('pre_legal', 90, 'letter', 'letter.pre_legal'),
    ],
    variants: {
      A: { stages: { first_reminder: { day: 3 }, call: { day: 15 } } },
      C: { stages: { call: { day: 5 } } },
    },
    contactRules: { preset },
    segmentThresholds: { a: 30, b: 60 },
  };
}

/** The client's ladder: the base stages with its segment's overrides, ordered by day. */
export function stagesFor(policy: Policy, segment: Segment | null): Stage[] {
  const v = segment ? policy.variants[segment] : undefined;
  const stages = policy.stages.map((s) => {
    const o = v?.stages[s.key];
    return o ? { ...s, day: o.day ?? s.day, actions: o.actions ?? s.actions } : s;
  });
  return stages.sort((a, b) => a.day - b.day);
}

/** Colombia: moratory rate = 1.5 × the certified current bank rate the user enters. */
export function colombiaMoratoryPct(certifiedPct: number): number {
  return Math.round(certifiedPct * 1.5 * 100) / 100;
}
