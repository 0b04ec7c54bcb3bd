import type { TimelineItem } from '#shared/contract/workflow';
import type { Ctx } from '../context';
import { findClient } from '../clients/service';

const LIMIT = 200;

/**
 * The client's history in one list, newest first: interactions, documents, invoices, payments,
 * promises and stage changes. Each source is read newest-first through its client index and capped,
 * so the page stays fast on a client with years of history.
 */
export async function clientTimeline(ctx: Ctx, clientId: number): Promise<TimelineItem[]> {
  await findClient(ctx, clientId);
  const db = ctx.db;
  const [ix, docs, invs, pays, proms, stages] = await Promise.all([
    db
      .selectFrom('interactions')
      .select(['id', 'occurredAt', 'channel', 'outcome', 'notes'])
      .where('clientId', '=', clientId)
      .orderBy('occurredAt', 'desc')
      .limit(LIMIT)
      .execute(),
    db
      .selectFrom('documents')
      .select(['id', 'createdAt', 'title', 'kind'])
      .where('clientId', '=', clientId)
      .orderBy('createdAt', 'desc')
      .limit(LIMIT)
      .execute(),
    db
      .selectFrom('invoices')
      .select(['id', 'issueDate', 'series', 'number', 'amount', 'currency', 'voidedAt'])
      .where('clientId', '=', clientId)
      .orderBy('issueDate', 'desc')
      .limit(LIMIT)
      .execute(),
    db
      .selectFrom('payments')
      .select(['id', 'date', 'amount', 'currency', 'method', 'voidedAt'])
      .where('clientId', '=', clientId)
      .orderBy('date', 'desc')
      .limit(LIMIT)
      .execute(),
    db
      .selectFrom('promises')
      .select(['id', 'createdAt', 'madeOn', 'promisedDate', 'amount', 'currency', 'status'])
      .where('clientId', '=', clientId)
      .orderBy('promisedDate', 'desc')
      .limit(LIMIT)
      .execute(),
    db
      .selectFrom('stageChanges')
      .select(['id', 'date', 'createdAt', 'fromStage', 'toStage', 'currency'])
      .where('clientId', '=', clientId)
      .orderBy('date', 'desc')
      .limit(LIMIT)
      .execute(),
  ]);
  const items: TimelineItem[] = [
    ...ix.map((r) => ({
      kind: 'interaction' as const,
      id: r.id,
      at: r.occurredAt,
      title: `${r.channel}:${r.outcome ?? ''}`,
      detail: r.notes,
      amount: null,
      currency: null,
    })),
    ...docs.map((r) => ({ kind: 'document' as const, id: r.id, at: r.createdAt, title: r.title, detail: r.kind, amount: null, currency: null })),
    ...invs.map((r) => ({
      kind: 'invoice' as const,
      id: r.id,
      at: r.issueDate,
      title: r.series ? `${r.series}-${r.number}` : r.number,
      detail: r.voidedAt ? 'voided' : null,
      amount: r.amount,
      currency: r.currency,
    })),
    ...pays.map((r) => ({
      kind: 'payment' as const,
      id: r.id,
      at: r.date,
      title: r.method,
      detail: r.voidedAt ? 'voided' : null,
      amount: r.amount,
      currency: r.currency,
    })),
    ...proms.map((r) => ({
      kind: 'promise' as const,
      id: r.id,
      at: r.createdAt,
      title: r.promisedDate,
      detail: r.status === 'open' ? 'active' : r.status,
      amount: r.amount,
      currency: r.currency,
    })),
    ...stages.map((r) => ({
      kind: 'stage' as const,
      id: r.id,
      at: `${r.date}T23:59:59.999Z`,
      title: r.toStage ?? '',
      detail: r.fromStage,
      amount: null,
      currency: r.currency,
    })),
  ];
  // dates sort before instants of the same day; ties keep newest ids first
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id)).slice(0, LIMIT);
}
