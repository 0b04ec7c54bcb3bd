import type { ParsedInputOf } from '#shared/contract/index';
import type { TaskKind, Worklist, WorklistTask } from '#shared/contract/workflow';
import { formatMoney } from '#shared/domain/money';
import type { PriorityFactor } from '#shared/domain/workflow/priority';
import { formatDate } from '#shared/domain/dates';
import { translate } from '#shared/i18n/index';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { CarteraError } from '../errors';
import { getPolicy } from './policy';

/** Money and dates in a reason are stored raw and rendered in the reader's language. */
function reasonText(locale: string, key: string | null, paramsJson: string | null): string {
  if (!key) return '';
  const p = JSON.parse(paramsJson ?? '{}') as Record<string, string | number>;
  const params: Record<string, string | number> = { ...p };
  if (typeof p.amount === 'number' && typeof p.currency === 'string') params.amount = formatMoney(p.amount, p.currency, locale); // the one money rule: S/ 2,500.00
  for (const k of ['date', 'due'] as const) if (typeof p[k] === 'string' && p[k]) params[k] = formatDate(p[k], locale);
  return translate(locale, key, params);
}

/** Open tasks due on or before the date, highest priority first, with what was done that day. */
export async function worklist(ctx: Ctx, date = ctx.clock.today()): Promise<Worklist> {
  const rows = await ctx.db
    .selectFrom('tasks as t')
    .innerJoin('clients as c', 'c.id', 't.clientId')
    .select([
      't.id',
      'c.id as clientId',
      'c.code',
      'c.name',
      't.kind',
      't.channel',
      't.stage',
      't.title',
      't.priority',
      't.priorityFactors',
      't.reasonKey',
      't.reasonParams',
      't.currency',
      't.overdue',
      't.daysOverdue',
      't.dueOn',
      't.templateKey',
      't.promiseId',
      't.disputeId',
    ])
    .where('t.status', '=', 'open')
    .where('t.dueOn', '<=', date)
    .orderBy('t.priority', 'desc')
    .orderBy('t.dueOn')
    .orderBy('t.id')
    .limit(2000)
    .execute();
  const policy = await getPolicy(ctx);
  const stageNames = new Map(policy.stages.map((s) => [s.key, s.name]));
  const tasks: WorklistTask[] = rows.map((r) => ({
    id: r.id,
    clientId: r.clientId,
    clientCode: r.code,
    clientName: r.name,
    kind: r.kind as TaskKind,
    channel: r.channel,
    stage: r.stage,
    stageName: r.stage ? (stageNames.get(r.stage) ?? r.title) : null,
    priority: r.priority,
    priorityFactors: r.priorityFactors ? (JSON.parse(r.priorityFactors) as PriorityFactor[]) : [],
    reason: reasonText(ctx.locale, r.reasonKey, r.reasonParams),
    currency: r.currency,
    overdue: r.overdue,
    daysOverdue: r.daysOverdue,
    dueOn: r.dueOn,
    templateKey: r.templateKey,
    promiseId: r.promiseId,
    disputeId: r.disputeId,
  }));
  const closed = await ctx.db.selectFrom('tasks').select(['status']).where('closedOn', '=', date).where('status', 'in', ['done', 'skipped']).execute();
  return {
    date,
    tasks,
    doneToday: closed.filter((c) => c.status === 'done').length,
    skippedToday: closed.filter((c) => c.status === 'skipped').length,
    left: tasks.length,
  };
}

async function openTask(ctx: Ctx, id: number) {
  const t = await ctx.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw new CarteraError('not_found', 'error.not_found.task', { id });
  if (t.status !== 'open') throw new CarteraError('invalid_state', 'error.task.closed');
  return t;
}

export async function skipTask(ctx: Ctx, input: ParsedInputOf<'tasks.skip'>): Promise<{ id: number }> {
  const t = await openTask(ctx, input.id);
  await ctx.db.updateTable('tasks').set({ status: 'skipped', skipReason: input.reason, closedOn: ctx.clock.today() }).where('id', '=', t.id).execute();
  await audit(ctx, {
    entity: 'client',
    entityId: t.clientId,
    action: 'task.skip',
    before: { taskId: t.id, status: 'open' },
    after: { taskId: t.id, status: 'skipped' },
    reason: input.reason,
  });
  return { id: t.id };
}

export async function rescheduleTask(ctx: Ctx, input: ParsedInputOf<'tasks.reschedule'>): Promise<{ id: number; dueOn: string }> {
  const t = await openTask(ctx, input.id);
  await ctx.db.updateTable('tasks').set({ dueOn: input.date }).where('id', '=', t.id).execute();
  await audit(ctx, {
    entity: 'client',
    entityId: t.clientId,
    action: 'task.reschedule',
    before: { taskId: t.id, dueOn: t.dueOn },
    after: { taskId: t.id, dueOn: input.date },
  });
  return { id: t.id, dueOn: input.date };
}

/** Marks the task done by the interaction that completed it (inside the interaction's transaction). */
export async function completeTask(ctx: Ctx, id: number, interactionId: number): Promise<void> {
  const t = await openTask(ctx, id);
  await ctx.db
    .updateTable('tasks')
    .set({ status: 'done', doneAt: ctx.clock.now().toISOString(), closedOn: ctx.clock.today(), interactionId })
    .where('id', '=', t.id)
    .execute();
}
