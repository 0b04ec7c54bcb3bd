import type { ParsedInputOf } from '#shared/contract/index';
import type { Payment } from '#shared/contract/payments';
import { allocateOldestFirst, checkAllocations, type AllocationLine, type OpenInvoice } from '#shared/domain/allocation';
import { formatMoney } from '#shared/domain/money';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { findClient } from '../clients/service';
import { CarteraError, notFound } from '../errors';
import { refreshInvoiceBalance } from '../invoices/balance';
import { displayNumber, findInvoice } from '../invoices/service';

/** Open invoices of one client in one currency, as the allocation rules see them. */
export async function openInvoicesOf(ctx: Ctx, clientId: number, currency: string): Promise<(OpenInvoice & { number: string })[]> {
  const rows = await ctx.db
    .selectFrom('invoices')
    .select(['id', 'dueDate', 'issueDate', 'openAmount', 'series', 'number'])
    .where('clientId', '=', clientId)
    .where('currency', '=', currency)
    .where('openAmount', '>', 0)
    .where('voidedAt', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, dueDate: r.dueDate, issueDate: r.issueDate, open: r.openAmount, number: displayNumber(r) }));
}

/** Explains why an explicit allocation is refused, naming the invoice as the user knows it. */
async function explain(ctx: Ctx, input: ParsedInputOf<'payments.record'>, invoiceId: number): Promise<never> {
  const inv = await findInvoice(ctx, invoiceId);
  const number = displayNumber(inv);
  if (inv.clientId !== input.clientId) throw new CarteraError('invalid_state', 'error.invoice.other_client', { number });
  if (inv.voidedAt) throw new CarteraError('invalid_state', 'error.invoice.voided', { number });
  if (inv.currency !== input.currency)
    throw new CarteraError('invalid_state', 'error.invoice.currency_mismatch', { number, invoiceCurrency: inv.currency, paymentCurrency: input.currency });
  throw new CarteraError('invalid_state', 'error.allocation.exceeds_open', {
    number,
    open: formatMoney(inv.openAmount, inv.currency, ctx.locale),
    amount: formatMoney(input.allocations?.find((a) => a.invoiceId === invoiceId)?.amount ?? 0, inv.currency, ctx.locale),
  });
}

/** Records a payment and its allocations in the caller's transaction; what is not allocated stays as credit. */
export async function recordPayment(ctx: Ctx, input: ParsedInputOf<'payments.record'>): Promise<Payment> {
  await findClient(ctx, input.clientId);
  const open = await openInvoicesOf(ctx, input.clientId, input.currency);
  let lines: AllocationLine[];
  if (input.allocations) {
    const problem = checkAllocations(input.amount, input.allocations, open);
    if (problem?.kind === 'exceeds_payment') throw new CarteraError('invalid_state', 'error.allocation.exceeds_payment');
    if (problem) await explain(ctx, input, problem.invoiceId);
    lines = input.allocations;
  } else {
    lines = allocateOldestFirst(input.amount, open).lines;
  }
  const allocated = lines.reduce((s, l) => s + l.amount, 0);
  const now = nowIso(ctx);
  const payment = await ctx.db
    .insertInto('payments')
    .values({
      clientId: input.clientId,
      date: input.date,
      amount: input.amount,
      currency: input.currency,
      method: input.method,
      reference: input.reference,
      notes: null,
      unappliedAmount: input.amount - allocated,
      voidedAt: null,
      voidReason: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const l of lines) {
    await ctx.db
      .insertInto('paymentAllocations')
      .values({ paymentId: payment.id, invoiceId: l.invoiceId, amount: l.amount, date: input.date, createdAt: now, voidedAt: null })
      .execute();
    await refreshInvoiceBalance(ctx, l.invoiceId);
  }
  const result = await getPayment(ctx, payment.id);
  await audit(ctx, { entity: 'payment', entityId: payment.id, action: 'record', after: result });
  return result;
}

export async function getPayment(ctx: Ctx, id: number): Promise<Payment> {
  const p = await ctx.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('payment', id);
  return (await withAllocations(ctx, [p]))[0]!;
}

async function withAllocations(
  ctx: Ctx,
  payments: {
    id: number;
    clientId: number;
    date: string;
    amount: number;
    currency: string;
    method: string;
    reference: string | null;
    unappliedAmount: number;
    voidedAt: string | null;
    voidReason: string | null;
  }[],
): Promise<Payment[]> {
  if (payments.length === 0) return [];
  // grouped by payment in one pass (a key account has thousands of payments), in chunks that keep each
  // statement under SQLite's bound-parameter limit; a payment's allocations stay in id order
  const byPayment = new Map<number, Payment['allocations']>();
  for (let k = 0; k < payments.length; k += 500) {
    const allocs = await ctx.db
      .selectFrom('paymentAllocations as a')
      .innerJoin('invoices as i', 'i.id', 'a.invoiceId')
      .select(['a.id', 'a.paymentId', 'a.invoiceId', 'a.amount', 'a.date', 'i.series', 'i.number'])
      .where(
        'a.paymentId',
        'in',
        payments.slice(k, k + 500).map((p) => p.id),
      )
      .where('a.voidedAt', 'is', null)
      .orderBy('a.id')
      .execute();
    for (const a of allocs) {
      let list = byPayment.get(a.paymentId);
      if (!list) byPayment.set(a.paymentId, (list = []));
      list.push({ id: a.id, invoiceId: a.invoiceId, invoiceNumber: displayNumber(a), amount: a.amount, date: a.date });
    }
  }
  return payments.map((p) => ({
    id: p.id,
    clientId: p.clientId,
    date: p.date,
    amount: p.amount,
    currency: p.currency,
    method: p.method,
    reference: p.reference,
    unapplied: p.unappliedAmount,
    voidedAt: p.voidedAt,
    voidReason: p.voidReason,
    allocations: byPayment.get(p.id) ?? [],
  }));
}

/** One page of a client's payments, newest first, each with its allocations. */
export async function listClientPayments(ctx: Ctx, input: ParsedInputOf<'payments.listByClient'>): Promise<Payment[]> {
  await findClient(ctx, input.clientId);
  // payments_client_date serves this order: the page is read in order, no temp sort
  const rows = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('clientId', '=', input.clientId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return withAllocations(ctx, rows);
}

/** Voids a payment: its allocations are voided too and the invoices reopen; nothing is deleted. */
export async function voidPayment(ctx: Ctx, input: ParsedInputOf<'payments.void'>): Promise<Payment> {
  const before = await getPayment(ctx, input.id);
  if (before.voidedAt) throw new CarteraError('invalid_state', 'error.payment.already_voided');
  const now = nowIso(ctx);
  await ctx.db
    .updateTable('payments')
    .set({ voidedAt: now, voidReason: input.reason, unappliedAmount: 0, updatedAt: now })
    .where('id', '=', input.id)
    .execute();
  await ctx.db.updateTable('paymentAllocations').set({ voidedAt: now }).where('paymentId', '=', input.id).where('voidedAt', 'is', null).execute();
  for (const invoiceId of new Set(before.allocations.map((a) => a.invoiceId))) await refreshInvoiceBalance(ctx, invoiceId);
  const after = await getPayment(ctx, input.id);
  await audit(ctx, { entity: 'payment', entityId: input.id, action: 'void', before, after, reason: input.reason });
  return after;
}
