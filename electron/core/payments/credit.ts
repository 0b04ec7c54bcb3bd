import type { ParsedInputOf } from '#shared/contract/index';
import type { Payment } from '#shared/contract/payments';
import { BUILTIN_METHODS } from '#shared/contract/payments';
import { allocateOldestFirst, checkAllocations } from '#shared/domain/allocation';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { CarteraError } from '../errors';
import { refreshInvoiceBalance } from '../invoices/balance';
import { getPayment, openInvoicesOf } from './service';

/**
 * Applies what a payment left as credit to invoices, dated when it is applied (so aging before that
 * date still shows the invoice open and the credit unapplied, as it was).
 */
export async function applyCredit(ctx: Ctx, input: ParsedInputOf<'payments.applyCredit'>): Promise<Payment> {
  const before = await getPayment(ctx, input.paymentId);
  if (before.voidedAt) throw new CarteraError('invalid_state', 'error.payment.already_voided');
  if (before.unapplied <= 0) throw new CarteraError('invalid_state', 'error.payment.no_credit');
  if (input.date < before.date) throw new CarteraError('validation', 'error.payment.apply_before_payment');
  const open = await openInvoicesOf(ctx, before.clientId, before.currency);
  let lines = input.allocations ?? allocateOldestFirst(before.unapplied, open).lines;
  const problem = checkAllocations(before.unapplied, lines, open);
  if (problem?.kind === 'exceeds_payment') throw new CarteraError('invalid_state', 'error.allocation.exceeds_payment');
  if (problem) throw new CarteraError('invalid_state', 'error.allocation.not_open', { id: problem.invoiceId });
  lines = lines.filter((l) => l.amount > 0);
  if (lines.length === 0) throw new CarteraError('invalid_state', 'error.payment.nothing_to_apply');
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const now = nowIso(ctx);
  for (const l of lines) {
    await ctx.db
      .insertInto('paymentAllocations')
      .values({ paymentId: before.id, invoiceId: l.invoiceId, amount: l.amount, date: input.date, createdAt: now, voidedAt: null })
      .execute();
    await refreshInvoiceBalance(ctx, l.invoiceId);
  }
  await ctx.db
    .updateTable('payments')
    .set({ unappliedAmount: before.unapplied - total, updatedAt: now })
    .where('id', '=', before.id)
    .execute();
  const after = await getPayment(ctx, before.id);
  await audit(ctx, { entity: 'payment', entityId: before.id, action: 'apply_credit', before, after });
  return after;
}

const METHODS_KEY = 'payments.methods';

export async function paymentMethods(ctx: Ctx): Promise<{ builtin: string[]; custom: string[] }> {
  const row = await ctx.db.selectFrom('appSettings').select('value').where('key', '=', METHODS_KEY).executeTakeFirst();
  const custom = row ? (JSON.parse(row.value) as string[]) : [];
  return { builtin: [...BUILTIN_METHODS], custom };
}

export async function setPaymentMethods(ctx: Ctx, input: ParsedInputOf<'payments.setMethods'>): Promise<{ builtin: string[]; custom: string[] }> {
  const before = await paymentMethods(ctx);
  const builtin = BUILTIN_METHODS.map((m) => m.toLowerCase());
  const seen = new Set<string>(builtin);
  // "Tunki" and "tunki" are the same method to a person: keep the first spelling
  const custom = input.custom.map((m) => m.trim()).filter((m) => m && !seen.has(m.toLowerCase()) && seen.add(m.toLowerCase()));
  const value = JSON.stringify(custom);
  await ctx.db
    .insertInto('appSettings')
    .values({ key: METHODS_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  const after = { builtin: [...BUILTIN_METHODS], custom };
  await audit(ctx, { entity: 'settings', entityId: null, action: 'payment_methods', before, after });
  return after;
}
