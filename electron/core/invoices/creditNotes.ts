import type { ParsedInputOf } from '#shared/contract/index';
import type { CreditNote } from '#shared/contract/invoices';
import { formatMoney } from '#shared/domain/money';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { CarteraError } from '../errors';
import { findClient } from '../clients/service';
import { refreshInvoiceBalance } from './balance';
import { displayNumber, findInvoice } from './service';

async function getCreditNote(ctx: Ctx, id: number): Promise<CreditNote> {
  const r = await ctx.db
    .selectFrom('creditNotes as n')
    .innerJoin('invoices as i', 'i.id', 'n.invoiceId')
    .selectAll('n')
    .select(['i.series', 'i.number as invoiceNo'])
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new CarteraError('not_found', 'error.not_found.credit_note', { id });
  return toCreditNote(r);
}

function toCreditNote(r: {
  id: number;
  clientId: number;
  invoiceId: number;
  number: string;
  date: string;
  currency: string;
  amount: number;
  reason: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  series: string;
  invoiceNo: string;
}): CreditNote {
  return {
    id: r.id,
    clientId: r.clientId,
    invoiceId: r.invoiceId,
    invoiceNumber: displayNumber({ series: r.series, number: r.invoiceNo }),
    number: r.number,
    date: r.date,
    currency: r.currency,
    amount: r.amount,
    reason: r.reason,
    voidedAt: r.voidedAt,
    voidReason: r.voidReason,
  };
}

/** A credit note reduces one invoice's balance from its date on; never more than what is still open. */
export async function createCreditNote(ctx: Ctx, input: ParsedInputOf<'creditNotes.create'>): Promise<CreditNote> {
  const inv = await findInvoice(ctx, input.invoiceId);
  const number = displayNumber(inv);
  if (inv.voidedAt) throw new CarteraError('invalid_state', 'error.invoice.voided', { number });
  if (input.date < inv.issueDate) throw new CarteraError('validation', 'error.credit_note.before_issue', { number });
  if (input.amount > inv.openAmount)
    throw new CarteraError('invalid_state', 'error.allocation.exceeds_open', {
      number,
      open: formatMoney(inv.openAmount, inv.currency, ctx.locale),
      amount: formatMoney(input.amount, inv.currency, ctx.locale),
    });
  const dup = await ctx.db.selectFrom('creditNotes').select('id').where('clientId', '=', inv.clientId).where('number', '=', input.number).executeTakeFirst();
  if (dup) throw new CarteraError('conflict', 'error.conflict.credit_note_number', { number: input.number });
  const row = await ctx.db
    .insertInto('creditNotes')
    .values({
      clientId: inv.clientId,
      invoiceId: inv.id,
      number: input.number,
      date: input.date,
      currency: inv.currency,
      amount: input.amount,
      reason: input.reason,
      voidedAt: null,
      voidReason: null,
      createdAt: nowIso(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshInvoiceBalance(ctx, inv.id);
  const note = await getCreditNote(ctx, row.id);
  await audit(ctx, { entity: 'credit_note', entityId: row.id, action: 'create', after: note });
  return note;
}

export async function voidCreditNote(ctx: Ctx, input: ParsedInputOf<'creditNotes.void'>): Promise<CreditNote> {
  const before = await getCreditNote(ctx, input.id);
  if (before.voidedAt) throw new CarteraError('invalid_state', 'error.credit_note.already_voided');
  await ctx.db
    .updateTable('creditNotes')
    .set({ voidedAt: nowIso(ctx), voidReason: input.reason })
    .where('id', '=', input.id)
    .execute();
  await refreshInvoiceBalance(ctx, before.invoiceId);
  const after = await getCreditNote(ctx, input.id);
  await audit(ctx, { entity: 'credit_note', entityId: input.id, action: 'void', before, after, reason: input.reason });
  return after;
}

export async function listClientCreditNotes(ctx: Ctx, input: ParsedInputOf<'creditNotes.listByClient'>): Promise<CreditNote[]> {
  await findClient(ctx, input.clientId);
  const rows = await ctx.db
    .selectFrom('creditNotes as n')
    .innerJoin('invoices as i', 'i.id', 'n.invoiceId')
    .selectAll('n')
    .select(['i.series', 'i.number as invoiceNo'])
    .where('n.clientId', '=', input.clientId)
    .orderBy('n.date', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
  return rows.map(toCreditNote);
}
