import { sql } from 'kysely';
import type { RunResult, TaskKind } from '#shared/contract/workflow';
import { addDays, diffDays } from '#shared/domain/dates';
import { CONTACT_RULES } from '#shared/domain/workflow/contactRules';
import { decide } from '#shared/domain/workflow/engine';
import type { Channel } from '#shared/domain/workflow/policy';
import { priorityFactors } from '#shared/domain/workflow/priority';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { refreshPromises } from '../promises/service';
import { getSettings } from '../settings/service';
import { holidaysAround } from './holidays';
import { getPolicy } from './policy';
import { loadPositions } from './positions';
import { riskHistories } from './risk';
import { riskScore, segmentFor } from '#shared/domain/workflow/riskScore';

export const kindOf = (channel: Channel | string): TaskKind =>
  channel === 'call' ? 'call' : channel === 'letter' ? 'letter' : channel === 'visit' ? 'visit' : 'message';

type NewTask = {
  clientId: number;
  originKey: string;
  kind: TaskKind;
  dueOn: string;
  title: string;
  currency: string | null;
  stage?: string | null;
  channel?: string | null;
  templateKey?: string | null;
  reasonKey: string;
  reasonParams: Record<string, string | number>;
  overdue: number;
  daysOverdue: number;
  promiseId?: number | null;
  disputeId?: number | null;
  installmentId?: number | null;
};

/**
 * Runs the workflow for a day: settles promises, asks the engine for each client's stage and due
 * action, and stores tasks. Idempotent: every task has an origin key, so a second run inserts nothing.
 * Stage changes go to the client's timeline (stage_changes) and the audit log.
 */
export async function runWorkflow(ctx: Ctx, date = ctx.clock.today()): Promise<RunResult> {
  const policy = await getPolicy(ctx);
  const settings = await getSettings(ctx);
  const env = { date, policy, rules: CONTACT_RULES[policy.contactRules.preset], holidays: await holidaysAround(settings.country, date) };
  const { broken, kept } = await refreshPromises(ctx, date);
  const brokenCount = await brokenPromisesByClient(ctx, date);
  const stages = new Map((await ctx.db.selectFrom('clientStages').selectAll().execute()).map((s) => [`${s.clientId}|${s.currency}`, s]));
  // risk segment A/B/C picks the client's ladder variant; a manual override already came with the position
  const histories = await riskHistories(ctx, date);
  const scores = new Map([...histories].map(([id, h]) => [id, riskScore(h).score]));
  const overridden = new Set((await ctx.db.selectFrom('clients').select('id').where('riskOverride', 'is not', null).execute()).map((c) => c.id));
  const tasks: NewTask[] = [];
  const keep = new Set<string>();
  let stageChanges = 0;

  for (const pos of await loadPositions(ctx, date)) {
    const p = overridden.has(pos.clientId) ? pos : { ...pos, segment: segmentFor(scores.get(pos.clientId) ?? null, policy.segmentThresholds) ?? pos.segment };
    const d = decide(p, env);
    const k = `${p.clientId}|${p.currency}`;
    const now = d.stage?.key ?? null;
    const before = stages.get(k);
    stages.delete(k);
    if ((before?.stage ?? null) !== now) {
      await recordStage(ctx, p.clientId, p.currency, before?.stage ?? null, now, date, !before);
      stageChanges++;
    }
    if (d.due || d.reason === 'gap' || d.reason === 'contact_rules') keep.add(k);
    if (!d.due) continue;
    const preventive = d.daysOverdue === 0;
    tasks.push({
      clientId: p.clientId,
      originKey: d.originKey,
      kind: kindOf(d.action.channel),
      dueOn: d.dueOn,
      title: d.stage.name,
      currency: p.currency,
      stage: d.stage.key,
      channel: d.action.channel,
      templateKey: d.action.template,
      reasonKey: preventive ? 'task.reason.preventive' : 'task.reason.stage',
      reasonParams: { stage: d.stage.name, days: d.daysOverdue, amount: preventive ? p.open : p.overdue, currency: p.currency, due: p.oldestDue ?? '' },
      overdue: p.overdue,
      daysOverdue: d.daysOverdue,
    });
  }
  // clients that left the workflow (paid, disputed, under a plan): their stage ends
  for (const s of stages.values()) {
    if (s.stage === null) continue;
    await recordStage(ctx, s.clientId, s.currency, s.stage, null, date, false);
    stageChanges++;
  }
  await supersedeStale(ctx, keep);

  for (const b of broken) {
    tasks.push({
      clientId: b.clientId,
      originKey: `broken:${b.id}`,
      kind: 'broken_promise',
      dueOn: date,
      title: 'broken_promise',
      currency: b.currency,
      channel: 'call',
      reasonKey: 'task.reason.broken_promise',
      reasonParams: { amount: b.amount, currency: b.currency, date: b.date },
      overdue: b.amount,
      daysOverdue: diffDays(b.date, date),
      promiseId: b.id,
    });
  }
  tasks.push(...(await promisesDue(ctx, date)), ...(await installmentsDue(ctx, date)), ...(await disputeFollowUps(ctx, date, policy.disputes.followUpDays)));

  let created = 0;
  for (const t of tasks) {
    const factors = priorityFactors({
      overdue: t.overdue,
      currency: t.currency ?? '',
      daysOverdue: t.daysOverdue,
      riskScore: scores.get(t.clientId) ?? null,
      brokenPromises: brokenCount.get(t.clientId) ?? 0,
      kind: t.kind,
    });
    const priority = factors.reduce((sum, f) => sum + f.points, 0);
    const r = await ctx.db
      .insertInto('tasks')
      .values({
        clientId: t.clientId,
        dueOn: t.dueOn,
        firstDueOn: t.dueOn,
        title: t.title,
        kind: t.kind,
        doneAt: null,
        createdAt: nowIso(ctx),
        status: 'open',
        originKey: t.originKey,
        currency: t.currency,
        stage: t.stage ?? null,
        channel: t.channel ?? null,
        templateKey: t.templateKey ?? null,
        reasonKey: t.reasonKey,
        reasonParams: JSON.stringify(t.reasonParams),
        priority,
        priorityFactors: JSON.stringify(factors),
        overdue: t.overdue,
        daysOverdue: t.daysOverdue,
        skipReason: null,
        closedOn: null,
        promiseId: t.promiseId ?? null,
        disputeId: t.disputeId ?? null,
        installmentId: t.installmentId ?? null,
        interactionId: null,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) created++;
  }
  await ctx.db
    .insertInto('workflowRuns')
    .values({ date, ranAt: nowIso(ctx), created })
    .onConflict((oc) => oc.column('date').doUpdateSet({ ranAt: nowIso(ctx), created: sql`created + ${created}` }))
    .execute();
  // a run that changed nothing (the usual second run of a day) leaves no entry
  if (created || stageChanges || broken.length || kept)
    await audit(ctx, {
      entity: 'settings',
      entityId: null,
      action: 'workflow.run',
      after: { date, created, stageChanges, promisesBroken: broken.length, promisesKept: kept },
    });
  return { date, created, stageChanges, promisesBroken: broken.length, promisesKept: kept };
}

async function recordStage(ctx: Ctx, clientId: number, currency: string, from: string | null, to: string | null, date: string, insert: boolean): Promise<void> {
  if (insert) await ctx.db.insertInto('clientStages').values({ clientId, currency, stage: to, since: date }).execute();
  else await ctx.db.updateTable('clientStages').set({ stage: to, since: date }).where('clientId', '=', clientId).where('currency', '=', currency).execute();
  await ctx.db.insertInto('stageChanges').values({ clientId, currency, date, fromStage: from, toStage: to }).execute();
  await audit(ctx, {
    entity: 'client',
    entityId: clientId,
    action: 'stage.change',
    before: { stage: from, currency },
    after: { stage: to, currency, date },
    reason: 'workflow',
  });
}

/** Open stage tasks of clients the engine no longer wants to contact (paid, promised, disputed…). */
async function supersedeStale(ctx: Ctx, keep: Set<string>): Promise<void> {
  const open = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'clientId', 'currency'])
    .where('status', '=', 'open')
    .where('originKey', 'like', 'stage:%')
    .execute();
  const stale = open.filter((t) => !keep.has(`${t.clientId}|${t.currency}`)).map((t) => t.id);
  if (stale.length) await ctx.db.updateTable('tasks').set({ status: 'superseded', closedOn: ctx.clock.today() }).where('id', 'in', stale).execute();
  // within one client and currency, only the latest stage's task stays open
  await sql`UPDATE tasks SET status = 'superseded', closed_on = ${ctx.clock.today()}
    WHERE status = 'open' AND origin_key LIKE 'stage:%' AND EXISTS (
      SELECT 1 FROM tasks t2 WHERE t2.status = 'open' AND t2.origin_key LIKE 'stage:%' AND t2.client_id = tasks.client_id AND t2.currency = tasks.currency AND t2.id > tasks.id)`.execute(
    ctx.db,
  );
}

async function brokenPromisesByClient(ctx: Ctx, date: string): Promise<Map<number, number>> {
  const rows = await ctx.db
    .selectFrom('promises')
    .select(['clientId', sql<number>`count(*)`.as('n')])
    .where('status', '=', 'broken')
    .where('promisedDate', '>', addDays(date, -365))
    .groupBy('clientId')
    .execute();
  return new Map(rows.map((r) => [r.clientId, Number(r.n)]));
}

async function promisesDue(ctx: Ctx, date: string): Promise<NewTask[]> {
  const rows = await ctx.db
    .selectFrom('promises')
    .select(['id', 'clientId', 'amount', 'currency', 'promisedDate'])
    .where('status', '=', 'open')
    .where('promisedDate', '=', date)
    .execute();
  return rows.map((p) => ({
    clientId: p.clientId,
    originKey: `promise_due:${p.id}`,
    kind: 'promise_due',
    dueOn: date,
    title: 'promise_due',
    currency: p.currency,
    channel: 'call',
    reasonKey: 'task.reason.promise_due',
    reasonParams: { amount: p.amount, currency: p.currency },
    overdue: p.amount,
    daysOverdue: 0,
    promiseId: p.id,
  }));
}

async function installmentsDue(ctx: Ctx, date: string): Promise<NewTask[]> {
  const rows = await ctx.db
    .selectFrom('planInstallments as i')
    .innerJoin('paymentPlans as p', 'p.id', 'i.planId')
    .select(['i.id', 'i.seq', 'i.dueDate', 'i.amount', 'i.paidAmount', 'p.clientId', 'p.currency'])
    .where('p.status', '=', 'active')
    .where('i.status', '!=', 'paid')
    .where('i.dueDate', '<=', date)
    .execute();
  return rows.map((i) => ({
    clientId: i.clientId,
    originKey: `installment:${i.id}`,
    kind: 'installment_due',
    dueOn: i.dueDate,
    title: 'installment_due',
    currency: i.currency,
    channel: 'call',
    reasonKey: 'task.reason.installment_due',
    reasonParams: { seq: i.seq, amount: i.amount - i.paidAmount, currency: i.currency, date: i.dueDate },
    overdue: i.amount - i.paidAmount,
    daysOverdue: diffDays(i.dueDate, date),
    installmentId: i.id,
  }));
}

/** One follow-up per `every` days a dispute stays open (origin key counts the periods). */
async function disputeFollowUps(ctx: Ctx, date: string, every: number): Promise<NewTask[]> {
  const rows = await ctx.db
    .selectFrom('disputes')
    .select(['id', 'clientId', 'openedOn', 'amount', 'invoiceId'])
    .where('status', '=', 'open')
    .where('openedOn', '<=', addDays(date, -every))
    .execute();
  return rows.map((d) => {
    const age = diffDays(d.openedOn, date);
    return {
      clientId: d.clientId,
      originKey: `dispute:${d.id}:${Math.floor(age / every)}`,
      kind: 'dispute_followup',
      dueOn: date,
      title: 'dispute_followup',
      currency: null,
      channel: 'call',
      reasonKey: 'task.reason.dispute_followup',
      reasonParams: { date: d.openedOn, days: age },
      overdue: 0,
      daysOverdue: age,
      disputeId: d.id,
    };
  });
}
