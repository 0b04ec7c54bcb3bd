import { sql } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import type { Invoice } from '#shared/contract/invoices';
import { formatMoney } from '#shared/domain/money';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { assertInvoiceNumberFree } from './numbers';
import { nowIso } from '../context';
import { CarteraError } from '../errors';
import { refreshInvoiceBalance } from './balance';
import { displayNumber, findInvoice, getInvoice } from './service';

/** What has been paid or credited on an invoice (active entries only). */
async function appliedTo(ctx: Ctx, invoiceId: number): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT coalesce((SELECT sum(amount) FROM payment_allocations WHERE invoice_id = ${invoiceId} AND voided_at IS NULL), 0)
         + coalesce((SELECT sum(amount) FROM credit_notes WHERE invoice_id = ${invoiceId} AND voided_at IS NULL), 0) AS n`.execute(ctx.db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function updateInvoice(ctx: Ctx, input: ParsedInputOf<'invoices.update'>): Promise<Invoice> {
  const row = await findInvoice(ctx, input.id);
  const number = displayNumber(row);
  if (row.voidedAt) throw new CarteraError('invalid_state', 'error.invoice.voided', { number });
  const before = await getInvoice(ctx, input.id);
  const next = {
    series: input.series ?? row.series,
    number: input.number ?? row.number,
    issueDate: input.issueDate ?? row.issueDate,
    dueDate: input.dueDate ?? row.dueDate,
    currency: input.currency ?? row.currency,
    amount: input.amount ?? row.amount,
    description: input.description === undefined ? row.description : input.description,
  };
  if (next.dueDate < next.issueDate) throw new CarteraError('validation', 'validation.due_before_issue');
  const applied = await appliedTo(ctx, row.id);
  if (applied > 0 && next.currency !== row.currency) throw new CarteraError('invalid_state', 'error.invoice.currency_locked', { number });
  if (next.amount < applied)
    throw new CarteraError('invalid_state', 'error.invoice.amount_below_applied', { number, applied: formatMoney(applied, row.currency, ctx.locale) });
  if (next.series !== row.series || next.number !== row.number) {
    await assertInvoiceNumberFree(ctx, row.clientId, next.series, next.number, row.id);
  }
  await ctx.db
    .updateTable('invoices')
    // open_amount first clamps to the new amount; refreshInvoiceBalance then sets the exact figure
    .set({ ...next, openAmount: next.amount - applied, updatedAt: nowIso(ctx) })
    .where('id', '=', row.id)
    .execute();
  await refreshInvoiceBalance(ctx, row.id);
  const after = await getInvoice(ctx, row.id);
  await audit(ctx, { entity: 'invoice', entityId: row.id, action: 'update', before, after });
  return after;
}

/** Voids an invoice issued in error. Money applied to it must be voided first, so nothing vanishes silently. */
export async function voidInvoice(ctx: Ctx, input: ParsedInputOf<'invoices.void'>): Promise<Invoice> {
  const row = await findInvoice(ctx, input.id);
  const number = displayNumber(row);
  if (row.voidedAt) throw new CarteraError('invalid_state', 'error.invoice.voided', { number });
  if ((await appliedTo(ctx, row.id)) > 0) throw new CarteraError('invalid_state', 'error.invoice.has_payments', { number });
  const before = await getInvoice(ctx, row.id);
  const now = nowIso(ctx);
  await ctx.db
    .updateTable('invoices')
    .set({ voidedAt: now, voidReason: input.reason, openAmount: 0, settledOn: null, updatedAt: now })
    .where('id', '=', row.id)
    .execute();
  const after = await getInvoice(ctx, row.id);
  await audit(ctx, { entity: 'invoice', entityId: row.id, action: 'void', before, after, reason: input.reason });
  return after;
}

export async function confirmReceipt(ctx: Ctx, input: ParsedInputOf<'invoices.confirmReceipt'>): Promise<Invoice> {
  const before = await getInvoice(ctx, input.id);
  await ctx.db
    .updateTable('invoices')
    .set({ receiptConfirmedOn: input.date, updatedAt: nowIso(ctx) })
    .where('id', '=', input.id)
    .execute();
  const after = await getInvoice(ctx, input.id);
  await audit(ctx, { entity: 'invoice', entityId: input.id, action: 'confirm_receipt', before, after });
  return after;
}
