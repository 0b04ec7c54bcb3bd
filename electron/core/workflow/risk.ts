import { sql } from 'kysely';
import { addDays } from '#shared/domain/dates';
import { overCreditLimit, riskScore, segmentFor, type RiskHistory, type RiskScore } from '#shared/domain/workflow/riskScore';
import type { Segment } from '#shared/domain/workflow/policy';
import type { Ctx } from '../context';
import { getSettings } from '../settings/service';
import { audit } from '../audit';
import { notFound } from '../errors';
import { getPolicy } from './policy';

type Row = { client_id: number; late: number | null; recent: number | null; before: number | null; n: number };

/**
 * Risk histories of every client (or one) on `date`, in a few grouped queries: days late of invoices
 * settled in the last 12 months, payments ever, broken promises, open disputes, open balance in the
 * book's currency against the credit limit.
 */
export async function riskHistories(ctx: Ctx, date: string, clientId?: number): Promise<Map<number, RiskHistory>> {
  const db = ctx.db.withoutPlugins();
  const from = addDays(date, -365);
  const recentFrom = addDays(date, -90);
  const only = clientId === undefined ? sql`` : sql`AND client_id = ${clientId}`;
  const late = (
    await sql<Row>`
      SELECT client_id,
        sum(amount * max(0, julianday(settled_on) - julianday(due_date))) / sum(amount) AS late,
        sum(CASE WHEN settled_on > ${recentFrom} THEN amount * max(0, julianday(settled_on) - julianday(due_date)) END) / sum(CASE WHEN settled_on > ${recentFrom} THEN amount END) AS recent,
        sum(CASE WHEN settled_on <= ${recentFrom} THEN amount * max(0, julianday(settled_on) - julianday(due_date)) END) / sum(CASE WHEN settled_on <= ${recentFrom} THEN amount END) AS before,
        count(*) AS n
      FROM invoices WHERE voided_at IS NULL AND settled_on > ${from} AND settled_on <= ${date} ${only}
      GROUP BY client_id`.execute(db)
  ).rows;
  const count = async (q: ReturnType<typeof sql<{ client_id: number; n: number }>>) =>
    new Map((await q.execute(db)).rows.map((r) => [r.client_id, Number(r.n)]));
  const [payments, broken, disputes] = await Promise.all([
    count(sql`SELECT client_id, count(*) AS n FROM payments WHERE voided_at IS NULL AND date <= ${date} ${only} GROUP BY client_id`),
    count(sql`SELECT client_id, count(*) AS n FROM promises WHERE status = 'broken' AND promised_date > ${from} ${only} GROUP BY client_id`),
    count(sql`SELECT client_id, count(*) AS n FROM disputes WHERE status = 'open' ${only} GROUP BY client_id`),
  ]);
  const currency = (await getSettings(ctx)).defaultCurrency;
  const exposure = await count(
    sql`SELECT client_id, sum(open_amount) AS n FROM invoices WHERE open_amount > 0 AND voided_at IS NULL AND currency = ${currency} ${only} GROUP BY client_id`,
  );
  let clients = ctx.db.selectFrom('clients').select(['id', 'creditLimit']);
  if (clientId !== undefined) clients = clients.where('id', '=', clientId);
  const lateBy = new Map(late.map((r) => [r.client_id, r]));
  const out = new Map<number, RiskHistory>();
  for (const c of await clients.execute()) {
    const l = lateBy.get(c.id);
    out.set(c.id, {
      hasHistory: !!l || (payments.get(c.id) ?? 0) > 0,
      avgDaysLate: l?.late ?? null,
      avgDaysLateRecent: l?.recent ?? null,
      avgDaysLateBefore: l?.before ?? null,
      brokenPromises: broken.get(c.id) ?? 0,
      openDisputes: disputes.get(c.id) ?? 0,
      exposure: exposure.get(c.id) ?? 0,
      creditLimit: c.creditLimit,
    });
  }
  return out;
}

export type ClientRisk = RiskScore & { segment: Segment | null; override: Segment | null; overrideReason: string | null; thresholds: { a: number; b: number } };

export async function clientRisk(ctx: Ctx, clientId: number, thresholds: { a: number; b: number }): Promise<ClientRisk> {
  const h = (await riskHistories(ctx, ctx.clock.today(), clientId)).get(clientId);
  const c = await ctx.db.selectFrom('clients').select(['riskOverride', 'riskOverrideReason']).where('id', '=', clientId).executeTakeFirst();
  const score = h ? riskScore(h) : { rated: false, score: null, factors: [] };
  const override = c?.riskOverride ?? null;
  return { ...score, segment: segmentFor(score.score, thresholds, override), override, overrideReason: c?.riskOverrideReason ?? null, thresholds };
}

export async function clientRiskView(ctx: Ctx, clientId: number) {
  const policy = await getPolicy(ctx);
  const c = await ctx.db.selectFrom('clients').select(['id', 'consumer']).where('id', '=', clientId).executeTakeFirst();
  if (!c) throw notFound('client', clientId);
  return { ...(await clientRisk(ctx, clientId, policy.segmentThresholds)), consumer: c.consumer === 1 };
}

export async function setClientWorkflow(
  ctx: Ctx,
  input: { id: number; consumer?: boolean | undefined; riskOverride?: Segment | null | undefined; reason: string },
) {
  const before = await clientRiskView(ctx, input.id);
  const set: { consumer?: number; riskOverride?: Segment | null; riskOverrideReason?: string | null } = {};
  if (input.consumer !== undefined) set.consumer = input.consumer ? 1 : 0;
  if (input.riskOverride !== undefined) {
    set.riskOverride = input.riskOverride;
    set.riskOverrideReason = input.riskOverride ? input.reason : null;
  }
  if (Object.keys(set).length) await ctx.db.updateTable('clients').set(set).where('id', '=', input.id).execute();
  const after = await clientRiskView(ctx, input.id);
  await audit(ctx, {
    entity: 'client',
    entityId: input.id,
    action: 'workflow.flags',
    before: { consumer: before.consumer, override: before.override },
    after: { consumer: after.consumer, override: after.override },
    reason: input.reason,
  });
  return after;
}

/** A new invoice of `amount` would take the client's open balance in its currency over the credit limit. */
export async function creditCheck(ctx: Ctx, input: { clientId: number; amount: number; currency: string }) {
  const c = await ctx.db.selectFrom('clients').select(['creditLimit']).where('id', '=', input.clientId).executeTakeFirst();
  if (!c) throw notFound('client', input.clientId);
  const r = await ctx.db
    .selectFrom('invoices')
    .select(sql<number>`coalesce(sum(open_amount), 0)`.as('open'))
    .where('clientId', '=', input.clientId)
    .where('currency', '=', input.currency)
    .where('voidedAt', 'is', null)
    .executeTakeFirstOrThrow();
  const open = Number(r.open);
  return { over: overCreditLimit(open, input.amount, c.creditLimit), open, limit: c.creditLimit };
}
