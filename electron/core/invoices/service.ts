import type { ParsedInputOf } from '#shared/contract/index';
import type { Invoice } from '#shared/contract/invoices';
import { addDays } from '#shared/domain/dates';
import { invoiceStatus } from '#shared/domain/invoiceStatus';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import type { InvoicesTable } from '../db/schema';
import { CarteraError, notFound } from '../errors';
import { findClient } from '../clients/service';

type InvoiceRow = Omit<InvoicesTable, 'id'> & { id: number };

export function toInvoice(r: InvoiceRow, today: string): Invoice {
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
    description: r.description,
    receiptConfirmedOn: r.receiptConfirmedOn,
    status: invoiceStatus(r, today),
    voidedAt: r.voidedAt,
    voidReason: r.voidReason,
  };
}

export function displayNumber(inv: { series: string; number: string }): string {
  return inv.series ? `${inv.series}-${inv.number}` : inv.number;
}

export async function createInvoice(ctx: Ctx, input: ParsedInputOf<'invoices.create'>): Promise<Invoice> {
  const client = await findClient(ctx, input.clientId);
  const dueDate = input.dueDate ?? addDays(input.issueDate, client.paymentTermsDays);
  const dup = await ctx.db
    .selectFrom('invoices')
    .select('id')
    .where('clientId', '=', input.clientId)
    .where('series', '=', input.series)
    .where('number', '=', input.number)
    .executeTakeFirst();
  if (dup) throw new CarteraError('conflict', 'error.conflict.invoice_number', { number: displayNumber(input) });
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

export async function listClientInvoices(ctx: Ctx, input: ParsedInputOf<'invoices.listByClient'>): Promise<Invoice[]> {
  await findClient(ctx, input.clientId);
  const rows = await ctx.db
    .selectFrom('invoices')
    .selectAll()
    .where('clientId', '=', input.clientId)
    .orderBy('dueDate', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const today = ctx.clock.today();
  return rows.map((r) => toInvoice(r, today));
}
