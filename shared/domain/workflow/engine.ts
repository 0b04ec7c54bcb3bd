import { addDays, diffDays } from '../dates';
import { capViolation, dayViolation, type ContactRules, type PastContact } from './contactRules';
import { stagesFor, type Policy, type Segment, type Stage, type StageAction } from './policy';

/**
 * One client's position in one currency on the run date. `open` and `overdue` count only collectible
 * money: disputed amounts and invoices under an active payment plan are already left out by the caller.
 */
export type ClientPosition = {
  clientId: number;
  currency: string;
  segment: Segment | null;
  doNotContact: boolean;
  consumer: boolean;
  open: number;
  overdue: number;
  /** the oldest due date among collectible open invoices, null when there are none */
  oldestDue: string | null;
  activePromise: boolean;
  /** the latest contact with the client (any channel), a business date */
  lastContact: string | null;
  recentContacts: readonly PastContact[];
};

export type EngineEnv = { date: string; policy: Policy; rules: ContactRules; holidays: ReadonlySet<string> };

export type SkipReason = 'do_not_contact' | 'promise' | 'nothing_collectible' | 'min_balance' | 'contact_rules' | 'gap' | 'no_stage';

export type Decision =
  | { due: true; stage: Stage; action: StageAction; dueOn: string; daysOverdue: number; originKey: string }
  | { due: false; stage: Stage | null; reason: SkipReason; daysOverdue: number };

/** A stage's trigger counted from the oldest due date; grace days delay only the after-due triggers. */
export function triggerDay(stage: Stage, graceDays: number): number {
  return stage.day > 0 ? stage.day + graceDays : stage.day;
}

/** The stage whose trigger is the latest one reached `days` after the oldest due date (null: none yet). */
export function stageAt(stages: readonly Stage[], days: number, graceDays: number): Stage | null {
  let best: Stage | null = null;
  for (const s of stages) if (triggerDay(s, graceDays) <= days && (!best || triggerDay(s, graceDays) > triggerDay(best, graceDays))) best = s;
  return best;
}

/**
 * What the workflow wants for this client today. Only the current stage is considered, so after days
 * without a run only the latest due stage's action is queued (no burst of old reminders). Its action is
 * due on max(stage trigger, last contact + minimum gap). The origin key makes it once per stage and
 * oldest invoice: paying the oldest invoice starts the ladder again from the next one.
 */
export function decide(p: ClientPosition, env: EngineEnv): Decision {
  const { policy, date } = env;
  const daysOverdue = p.oldestDue ? Math.max(0, diffDays(p.oldestDue, date)) : 0;
  const skip = (reason: SkipReason, stage: Stage | null = null): Decision => ({ due: false, stage, reason, daysOverdue });
  if (p.oldestDue === null || p.open <= 0) return skip('nothing_collectible');
  const stage = stageAt(stagesFor(policy, p.segment), diffDays(p.oldestDue, date), policy.graceDays);
  if (!stage) return skip('no_stage');
  if (p.doNotContact) return skip('do_not_contact', stage);
  if (p.activePromise) return skip('promise', stage);
  const preventive = triggerDay(stage, policy.graceDays) <= 0;
  const min = policy.minBalance[p.currency] ?? 0;
  if ((preventive ? p.open : p.overdue) < Math.max(1, min))
    return skip(preventive ? 'min_balance' : p.overdue <= 0 ? 'nothing_collectible' : 'min_balance', stage);
  const action = stage.actions[0]!;
  const trigger = addDays(p.oldestDue, triggerDay(stage, policy.graceDays));
  const afterGap = p.lastContact ? addDays(p.lastContact, policy.minGapDays) : trigger;
  const dueOn = afterGap > trigger ? afterGap : trigger;
  if (dueOn > date) return skip('gap', stage);
  if (p.consumer && (dayViolation(env.rules, date, env.holidays) || capViolation(env.rules, date, action.channel, p.recentContacts)))
    return skip('contact_rules', stage);
  return { due: true, stage, action, dueOn, daysOverdue, originKey: `stage:${p.clientId}:${p.currency}:${stage.key}:${p.oldestDue}` };
}
