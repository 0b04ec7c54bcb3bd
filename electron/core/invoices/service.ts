import type { ParsedInputOf } from '#shared/contract/index';
import type { Invoice } from '#shared/contract/invoices';
import { addDays } from '#shared/domain/dates';
import { invoiceStatus } from '#shared/domain/invoiceStatus';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import type { InvoicesTable } from '../db/schema';
import { notFound } from '../errors';
import { findClient } from '../clients/service';
import { assertInvoiceNumberFree } from './numbers';
import { postDatedByInvoice } from './asOf';

type InvoiceRow = Omit<InvoicesTable, 'id'> & { id: number };

export function toInvoice(r: InvoiceRow, today: string, disputed = false, postDated = 0): Invoice {
  // status as of today by the aging rule: a post-dated cheque does not make an invoice paid yet
  const openToday = r.voidedAt ? r.openAmount : r.openAmount + postDated;
  return {
    id: r.id,
    clientId: r.clientId,
    series: r.series,
    number: r.number,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    currency: r.currency,
    amount: r.amount,
    openAmount: r.openAmount,
    openToday,
    postDated: r.voidedAt ? 0 : postDated,
    description: r.description,
    receiptConfirmedOn: r.receiptConfirmedOn,
    status: invoiceStatus({ ...r, openAmount: openToday, disputed }, today),
    voidedAt: r.voidedAt,
    voidReason: r.voidReason,
    disputed,
  };
}

export function displayNumber(inv: { series: string; number: string }): string {
  return inv.series ? `${inv.series}-${inv.number}` : inv.number;
}

export async function createInvoice(ctx: Ctx, input: ParsedInputOf<'invoices.create'>): Promise<Invoice> {
  const client = await findClient(ctx, input.clientId);
  const dueDate = input.dueDate ?? addDays(input.issueDate, client.paymentTermsDays);
  await assertInvoiceNumberFree(ctx, input.clientId, input.series, input.number);
  const now = nowIso(ctx);
  const row = await ctx.db
    .insertInto('invoices')
    .values({
      clientId: input.clientId,
      series: input.series,
      number: input.number,
      issueDate: input.issueDate,
      dueDate,
      currency: input.currency,
      amount: input.amount,
      openAmount: input.amount,
      settledOn: null,
      description: input.description,
      receiptConfirmedOn: null,
      voidedAt: null,
      voidReason: null,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const invoice = toInvoice(row, ctx.clock.today());
  await audit(ctx, { entity: 'invoice', entityId: invoice.id, action: 'create', after: invoice });
  return invoice;
}

export async function findInvoice(ctx: Ctx, id: number): Promise<InvoiceRow> {
  const row = await ctx.db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('invoice', id);
  return row;
}

/**
 * One page of a client's invoices: open ones first (open_amount > 0), then the settled and voided ones;
 * each part by due date descending, then id descending. Two ordered reads, each served by an index in
 * that order without a temp sort: the partial invoices_open_client_due for the open part, and
 * invoices_client_due for the rest (mostly settled, so a page is found within about a page of entries).
 */
export async function listClientInvoices(ctx: Ctx, input: ParsedInputOf<'invoices.listByClient'>): Promise<Invoice[]> {
  await findClient(ctx, input.clientId);
  const { clientId, limit, offset } = input;
  const page = (open: boolean, n: number, skip: number) =>
    ctx.db
      .selectFrom('invoices')
      .selectAll()
      .where('clientId', '=', clientId)
      .where('openAmount', open ? '>' : '=', 0)
      .orderBy('dueDate', 'desc')
      .orderBy('id', 'desc')
      .limit(n)
      .offset(skip)
      .execute();
  const rows = await page(true, limit, offset);
  if (rows.length < limit) {
    // the open part ends on this page (or before it): the rest continues right after its last row
    const openCount =
      rows.length > 0 || offset === 0
        ? offset + rows.length
        : Number(
            (
              await ctx.db
                .selectFrom('invoices')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('clientId', '=', clientId)
                .where('openAmount', '>', 0)
                .executeTakeFirstOrThrow()
            ).n,
          );
    rows.push(...(await page(false, limit - rows.length, Math.max(0, offset - openCount))));
  }
  const today = ctx.clock.today();
  const ids = rows.map((r) => r.id);
  const [disputed, postDated] = await Promise.all([disputedAmong(ctx, ids), postDatedByInvoice(ctx, ids, today)]);
  return rows.map((r) => toInvoice(r, today, disputed.has(r.id), postDated.get(r.id)));
}

/** Which of these invoices have an open dispute. */
export async function disputedAmong(ctx: Ctx, invoiceIds: readonly number[]): Promise<Set<number>> {
  if (invoiceIds.length === 0) return new Set();
  const out = new Set<number>();
  // chunks keep the statement under SQLite's bound-parameter limit
  for (let i = 0; i < invoiceIds.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('disputes')
      .select('invoiceId')
      .where('status', '=', 'open')
      .where('invoiceId', 'in', invoiceIds.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.invoiceId !== null) out.add(r.invoiceId);
  }
  return out;
}

export async function getInvoice(ctx: Ctx, id: number): Promise<Invoice> {
  const row = await findInvoice(ctx, id);
  const today = ctx.clock.today();
  return toInvoice(row, today, (await disputedAmong(ctx, [id])).has(id), (await postDatedByInvoice(ctx, [id], today)).get(id));
}
