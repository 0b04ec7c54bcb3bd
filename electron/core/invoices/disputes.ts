import type { ParsedInputOf } from '#shared/contract/index';
import type { Dispute } from '#shared/contract/invoices';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import type { DisputesTable } from '../db/schema';
import { CarteraError } from '../errors';
import { findClient } from '../clients/service';
import { displayNumber, findInvoice } from './service';

type Row = Omit<DisputesTable, 'id'> & { id: number };
const toDispute = (r: Row): Dispute => ({
  id: r.id,
  clientId: r.clientId,
  invoiceId: r.invoiceId,
  openedOn: r.openedOn,
  reason: r.reason,
  amount: r.amount,
  status: r.status,
  resolvedOn: r.resolvedOn,
  resolution: r.resolution,
});

async function getDispute(ctx: Ctx, id: number): Promise<Row> {
  const r = await ctx.db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new CarteraError('not_found', 'error.not_found.dispute', { id });
  return r;
}

/** A client disputes an invoice: it shows as disputed (and stays in aging) until resolved or rejected. */
export async function openDispute(ctx: Ctx, input: ParsedInputOf<'disputes.open'>): Promise<Dispute> {
  const inv = await findInvoice(ctx, input.invoiceId);
  if (inv.voidedAt) throw new CarteraError('invalid_state', 'error.invoice.voided', { number: displayNumber(inv) });
  const open = await ctx.db.selectFrom('disputes').select('id').where('invoiceId', '=', inv.id).where('status', '=', 'open').executeTakeFirst();
  if (open) throw new CarteraError('conflict', 'error.dispute.already_open', { number: displayNumber(inv) });
  const row = await ctx.db
    .insertInto('disputes')
    .values({
      clientId: inv.clientId,
      invoiceId: inv.id,
      openedOn: input.openedOn,
      reason: input.reason,
      amount: input.amount ?? null,
      status: 'open',
      resolvedOn: null,
      resolution: null,
      createdAt: nowIso(ctx),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const d = toDispute(row);
  await audit(ctx, { entity: 'dispute', entityId: d.id, action: 'open', after: d });
  return d;
}

export async function resolveDispute(ctx: Ctx, input: ParsedInputOf<'disputes.resolve'>): Promise<Dispute> {
  const before = toDispute(await getDispute(ctx, input.id));
  if (before.status !== 'open') throw new CarteraError('invalid_state', 'error.dispute.closed');
  const row = await ctx.db
    .updateTable('disputes')
    .set({ status: input.outcome, resolvedOn: input.resolvedOn, resolution: input.resolution })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toDispute(row);
  await audit(ctx, { entity: 'dispute', entityId: input.id, action: input.outcome, before, after });
  return after;
}

export async function listClientDisputes(ctx: Ctx, input: ParsedInputOf<'disputes.listByClient'>): Promise<Dispute[]> {
  await findClient(ctx, input.clientId);
  const rows = await ctx.db
    .selectFrom('disputes')
    .selectAll()
    .where('clientId', '=', input.clientId)
    .orderBy('openedOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toDispute);
}
