import type { ParsedInputOf } from '#shared/contract/index';
import type { PromiseRow } from '#shared/contract/workflow';
import { promiseStatus, type PromiseStatus, type Receipt } from '#shared/domain/workflow/promises';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { CarteraError, notFound } from '../errors';
import { getPolicy } from '../workflow/policy';

type Row = {
  id: number;
  clientId: number;
  clientCode: string;
  amount: number;
  currency: string;
  promisedDate: string;
  madeOn: string | null;
  createdAt: string;
  status: string;
  cancelledOn: string | null;
  channel: string | null;
  enteredBy: string | null;
};

const baseQuery = (ctx: Ctx) =>
  ctx.db
    .selectFrom('promises as p')
    .innerJoin('clients as c', 'c.id', 'p.clientId')
    .select([
      'p.id',
      'p.clientId',
      'c.code as clientCode',
      'p.amount',
      'p.currency',
      'p.promisedDate',
      'p.madeOn',
      'p.createdAt',
      'p.status',
      'p.cancelledOn',
      'p.channel',
      'p.enteredBy',
    ]);

const made = (r: Row) => r.madeOn ?? r.createdAt.slice(0, 10);

/** The client's payments (not voided) in the currencies of the given promises, for judging them. */
async function receiptsOf(ctx: Ctx, clientIds: number[]): Promise<Map<number, Receipt[]>> {
  const out = new Map<number, Receipt[]>();
  if (clientIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('payments')
    .select(['clientId', 'date', 'amount', 'currency'])
    .where('clientId', 'in', clientIds)
    .where('voidedAt', 'is', null)
    .execute();
  for (const r of rows) {
    const list = out.get(r.clientId) ?? [];
    list.push(r);
    out.set(r.clientId, list);
  }
  return out;
}

function toRow(r: Row, status: PromiseStatus): PromiseRow {
  return {
    id: r.id,
    clientId: r.clientId,
    clientCode: r.clientCode,
    amount: r.amount,
    currency: r.currency,
    date: r.promisedDate,
    made: made(r),
    status,
    channel: r.channel,
    enteredBy: r.enteredBy,
  };
}

/** Every promise made on or before `asOf`, with its state as of that date (computed, not stored). */
export async function promisesAsOf(ctx: Ctx, asOf: string, clientId?: number): Promise<PromiseRow[]> {
  let q = baseQuery(ctx).orderBy('p.promisedDate').orderBy('p.id');
  if (clientId !== undefined) q = q.where('p.clientId', '=', clientId);
  const rows = (await q.execute()).filter((r) => made(r) <= asOf);
  const { promises: rules } = await getPolicy(ctx);
  const receipts = await receiptsOf(ctx, [...new Set(rows.map((r) => r.clientId))]);
  return rows.map((r) =>
    toRow(
      r,
      promiseStatus(
        {
          amount: r.amount,
          currency: r.currency,
          made: made(r),
          date: r.promisedDate,
          cancelledOn: r.status === 'cancelled' ? (r.cancelledOn ?? made(r)) : null,
        },
        receipts.get(r.clientId) ?? [],
        rules,
        asOf,
      ),
    ),
  );
}

export async function addPromise(ctx: Ctx, input: ParsedInputOf<'promises.add'>): Promise<PromiseRow> {
  const client =
    input.clientId !== undefined
      ? await ctx.db.selectFrom('clients').select(['id', 'code']).where('id', '=', input.clientId).executeTakeFirst()
      : await ctx.db.selectFrom('clients').select(['id', 'code']).where('code', '=', input.clientCode!).executeTakeFirst();
  if (!client) throw notFound('client', input.clientId ?? input.clientCode!);
  const madeOn = input.made ?? ctx.clock.today();
  if (input.date < madeOn) throw new CarteraError('validation', 'validation.promise.before_made');
  for (const invoiceId of input.invoiceIds) {
    const inv = await ctx.db.selectFrom('invoices').select(['clientId', 'currency']).where('id', '=', invoiceId).executeTakeFirst();
    if (!inv || inv.clientId !== client.id) throw notFound('invoice', invoiceId);
  }
  const row = await ctx.db
    .insertInto('promises')
    .values({
      clientId: client.id,
      invoiceId: input.invoiceIds.length === 1 ? input.invoiceIds[0]! : null,
      interactionId: input.interactionId ?? null,
      promisedDate: input.date,
      amount: input.amount,
      currency: input.currency,
      status: 'open',
      notes: input.notes,
      createdAt: nowIso(ctx),
      resolvedAt: null,
      madeOn,
      channel: input.channel,
      enteredBy: input.enteredBy ?? 'user',
      cancelledOn: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.invoiceIds.length)
    await ctx.db
      .insertInto('promiseInvoices')
      .values(input.invoiceIds.map((invoiceId) => ({ promiseId: row.id, invoiceId })))
      .execute();
  const p = (await promisesAsOf(ctx, madeOn, client.id)).find((x) => x.id === row.id)!;
  await audit(ctx, { entity: 'promise', entityId: row.id, action: 'create', after: { ...p, invoiceIds: input.invoiceIds } });
  return p;
}

export async function cancelPromise(ctx: Ctx, input: ParsedInputOf<'promises.cancel'>): Promise<PromiseRow> {
  const r = await baseQuery(ctx).where('p.id', '=', input.id).executeTakeFirst();
  if (!r) throw new CarteraError('not_found', 'error.not_found.promise', { id: input.id });
  if (r.status !== 'open') throw new CarteraError('invalid_state', 'error.promise.closed');
  const today = ctx.clock.today();
  await ctx.db
    .updateTable('promises')
    .set({ status: 'cancelled', cancelledOn: today, resolvedAt: nowIso(ctx) })
    .where('id', '=', input.id)
    .execute();
  const after = toRow(r, 'cancelled');
  await audit(ctx, { entity: 'promise', entityId: input.id, action: 'cancel', before: toRow(r, 'active'), after, reason: input.reason });
  return after;
}

/**
 * Settles stored states as of the run date: active promises become kept or broken. Returns the ones
 * that broke (the engine queues a task for each and they count against the client's risk).
 */
export async function refreshPromises(ctx: Ctx, date: string): Promise<{ broken: PromiseRow[]; kept: number }> {
  const open = await baseQuery(ctx).where('p.status', '=', 'open').execute();
  const { promises: rules } = await getPolicy(ctx);
  const receipts = await receiptsOf(ctx, [...new Set(open.map((r) => r.clientId))]);
  const broken: PromiseRow[] = [];
  let kept = 0;
  for (const r of open) {
    if (made(r) > date) continue;
    const s = promiseStatus(
      { amount: r.amount, currency: r.currency, made: made(r), date: r.promisedDate, cancelledOn: null },
      receipts.get(r.clientId) ?? [],
      rules,
      date,
    );
    if (s === 'active') continue;
    await ctx.db
      .updateTable('promises')
      .set({ status: s === 'kept' ? 'kept' : 'broken', resolvedAt: nowIso(ctx) })
      .where('id', '=', r.id)
      .execute();
    await audit(ctx, { entity: 'promise', entityId: r.id, action: s, before: toRow(r, 'active'), after: toRow(r, s) });
    if (s === 'broken') broken.push(toRow(r, s));
    else kept++;
  }
  return { broken, kept };
}
