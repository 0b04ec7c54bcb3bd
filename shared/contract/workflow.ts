import { z } from 'zod';
import { op } from './op';
import { currency, id, isoDate, optionalText, positiveCents, requiredText } from './schemas';
import { CHANNELS } from '../domain/workflow/policy';
import type { PriorityFactor } from '../domain/workflow/priority';
import type { PromiseStatus } from '../domain/workflow/promises';

export const TASK_KINDS = ['call', 'message', 'letter', 'visit', 'promise_due', 'installment_due', 'broken_promise', 'dispute_followup'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export type WorklistTask = {
  id: number;
  clientId: number;
  clientCode: string;
  clientName: string;
  kind: TaskKind;
  channel: string | null;
  stage: string | null;
  stageName: string | null;
  priority: number;
  priorityFactors: PriorityFactor[];
  /** why it is on the list, in the user's language */
  reason: string;
  currency: string | null;
  overdue: number;
  daysOverdue: number;
  dueOn: string;
  templateKey: string | null;
  promiseId: number | null;
  disputeId: number | null;
};

export type Worklist = { date: string; tasks: WorklistTask[]; doneToday: number; skippedToday: number; left: number };
export type RunResult = { date: string; created: number; stageChanges: number; promisesBroken: number; promisesKept: number };

export type PromiseRow = {
  id: number;
  clientId: number;
  clientCode: string;
  amount: number;
  currency: string;
  date: string;
  made: string;
  status: PromiseStatus;
  channel: string | null;
  enteredBy: string | null;
};

export const OUTCOMES = ['no_answer', 'wrong_number', 'left_message', 'promise', 'dispute', 'refused', 'paid', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type TimelineItem = {
  kind: 'interaction' | 'document' | 'invoice' | 'payment' | 'promise' | 'stage';
  id: number;
  /** ISO date or instant; the list is newest first */
  at: string;
  title: string;
  detail: string | null;
  amount: number | null;
  currency: string | null;
};

const channel = z.enum(CHANNELS, { error: 'validation.policy.channel' });

export const runWorkflow = op<RunResult>()('workflow.run', z.object({ date: isoDate.optional() }).strict(), { writes: true });
export const worklist = op<Worklist>()('tasks.worklist', z.object({ date: isoDate.optional() }).strict(), { writes: false });

const interaction = z
  .object({
    clientId: id,
    channel,
    direction: z.enum(['outbound', 'inbound']).default('outbound'),
    contactId: id.nullish(),
    outcome: z.enum(OUTCOMES, { error: 'validation.invalid' }),
    notes: optionalText(2000),
    nextActionOn: isoDate.nullish(),
    /** the task this contact completes, if any */
    taskId: id.nullish(),
    /** required when the contact breaks the consumer contact rules */
    overrideReason: optionalText(500),
    /** outcome "promise": the promise is saved with the contact, in the same transaction */
    promise: z
      .object({ amount: positiveCents, currency, date: isoDate, invoiceIds: z.array(id).max(200).default([]) })
      .strict()
      .nullish(),
  })
  .strict();
export const addInteraction = op<{ id: number; taskId: number | null }>()('interactions.add', interaction, { writes: true });

export const skipTask = op<{ id: number }>()('tasks.skip', z.object({ id, reason: requiredText(500) }).strict(), { writes: true });
export const rescheduleTask = op<{ id: number; dueOn: string }>()('tasks.reschedule', z.object({ id, date: isoDate }).strict(), { writes: true });

export const addPromise = op<PromiseRow>()(
  'promises.add',
  z
    .object({
      clientId: id.optional(),
      clientCode: z.string().trim().min(1).max(40).optional(),
      amount: positiveCents,
      currency,
      date: isoDate,
      made: isoDate.optional(),
      channel: channel.default('call'),
      invoiceIds: z.array(id).max(200).default([]),
      enteredBy: optionalText(80),
      interactionId: id.nullish(),
      notes: optionalText(1000),
    })
    .strict()
    .refine((p) => p.clientId !== undefined || p.clientCode !== undefined, { error: 'validation.required', path: ['clientId'] })
    .refine((p) => !p.made || p.date >= p.made, { error: 'validation.promise.before_made', path: ['date'] }),
  { writes: true },
);
export const cancelPromise = op<PromiseRow>()('promises.cancel', z.object({ id, reason: requiredText(500) }).strict(), { writes: true });
export const promisesAsOf = op<PromiseRow[]>()('promises.asOf', z.object({ asOf: isoDate }).strict(), { writes: false });
export const timeline = op<TimelineItem[]>()('timeline.byClient', z.object({ clientId: id }).strict(), { writes: false });

export type ClientRiskView = {
  rated: boolean;
  score: number | null;
  factors: { factor: 'days_late' | 'trend' | 'broken_promises' | 'exposure' | 'disputes'; points: number }[];
  segment: 'A' | 'B' | 'C' | null;
  override: 'A' | 'B' | 'C' | null;
  overrideReason: string | null;
  thresholds: { a: number; b: number };
  consumer: boolean;
};
export const clientRisk = op<ClientRiskView>()('risk.get', z.object({ clientId: id }).strict(), { writes: false });
/** The consumer flag (contact rules apply) and a manual segment override; both logged with a reason. */
export const setClientWorkflow = op<ClientRiskView>()(
  'clients.setWorkflow',
  z.object({ id, consumer: z.boolean().optional(), riskOverride: z.enum(['A', 'B', 'C']).nullable().optional(), reason: requiredText(500) }).strict(),
  { writes: true },
);
export const creditCheck = op<{ over: boolean; open: number; limit: number | null }>()(
  'clients.creditCheck',
  z.object({ clientId: id, amount: positiveCents, currency }).strict(),
  { writes: false },
);

export const workflowOps = [
  clientRisk,
  setClientWorkflow,
  creditCheck,
  runWorkflow,
  worklist,
  addInteraction,
  skipTask,
  rescheduleTask,
  addPromise,
  cancelPromise,
  promisesAsOf,
  timeline,
] as const;
