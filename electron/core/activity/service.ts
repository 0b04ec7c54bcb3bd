import { sql } from 'kysely';
import type { DocumentSummary, Interaction, PlanSummary, PromiseToPay } from '#shared/contract/activity';
import type { Ctx } from '../context';
import { findClient } from '../clients/service';

/** The client page's history tabs. Newest first. */
export async function listInteractions(ctx: Ctx, clientId: number): Promise<Interaction[]> {
  await findClient(ctx, clientId);
  const rows = await ctx.db
    .selectFrom('interactions')
    .selectAll()
    .where('clientId', '=', clientId)
    .orderBy('occurredAt', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map(({ createdAt: _c, ...r }) => r);
}

export async function listPromises(ctx: Ctx, clientId: number): Promise<PromiseToPay[]> {
  await findClient(ctx, clientId);
  const rows = await ctx.db
    .selectFrom('promises')
    .select(['id', 'clientId', 'invoiceId', 'promisedDate', 'amount', 'currency', 'status', 'notes'])
    .where('clientId', '=', clientId)
    .orderBy('promisedDate', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows;
}

export async function listPlans(ctx: Ctx, clientId: number): Promise<PlanSummary[]> {
  await findClient(ctx, clientId);
  return ctx.db
    .selectFrom('paymentPlans as p')
    .select(['p.id', 'p.clientId', 'p.currency', 'p.totalAmount', 'p.startDate', 'p.frequency', 'p.installmentsCount', 'p.status'])
    .select(sql<number>`coalesce((SELECT sum(paid_amount) FROM plan_installments WHERE plan_id = p.id), 0)`.as('paidAmount'))
    .where('p.clientId', '=', clientId)
    .orderBy('p.startDate', 'desc')
    .execute();
}

export async function listDocuments(ctx: Ctx, clientId: number): Promise<DocumentSummary[]> {
  await findClient(ctx, clientId);
  return ctx.db
    .selectFrom('documents')
    .select(['id', 'clientId', 'kind', 'title', 'fileName', 'createdAt'])
    .where('clientId', '=', clientId)
    .orderBy('createdAt', 'desc')
    .execute();
}
