import type { OpenInvoice } from '#shared/domain/allocation';
import type { Ctx } from '../context';
import { displayNumber } from '../invoices/service';
import { chunks } from './lookup';

/** An invoice as a payment import sees it; `open` is the running balance while rows are checked. */
export type BookInvoice = OpenInvoice & { clientId: number; series: string; number: string; currency: string; voided: boolean };

type StoredPayment = { date: string; amount: number; currency: string };

/**
 * The invoices and payments of the clients a payment file names, loaded in a few queries, with the
 * indexes the rows are checked against: invoice by number, open invoices per client and currency,
 * stored payments by reference and by their plain key.
 */
export async function loadBook(ctx: Ctx, clientIds: number[]) {
  const byId = new Map<number, BookInvoice>();
  const byNumber = new Map<string, BookInvoice | null>();
  const byReference = new Map<string, StoredPayment>();
  const plainCounts = new Map<string, number>();
  const plainKey = (clientId: number, date: string, amount: number, currency: string, invoiceId: number | null) =>
    `${clientId}|${date}|${amount}|${currency}|${invoiceId ?? ''}`;

  for (const ids of chunks(clientIds)) {
    const invoices = await ctx.db
      .selectFrom('invoices')
      .select(['id', 'clientId', 'series', 'number', 'currency', 'openAmount', 'dueDate', 'issueDate', 'voidedAt'])
      .where('clientId', 'in', ids)
      .execute();
    for (const r of invoices) {
      const inv: BookInvoice = {
        id: r.id,
        clientId: r.clientId,
        series: r.series,
        number: r.number,
        currency: r.currency,
        open: r.openAmount,
        dueDate: r.dueDate,
        issueDate: r.issueDate,
        voided: r.voidedAt !== null,
      };
      byId.set(r.id, inv);
      byNumber.set(`${r.clientId}|${displayNumber(r)}`, inv);
      // the bare number finds the invoice too when its series makes it unique within the client
      const bare = `${r.clientId}#${r.number}`;
      byNumber.set(bare, byNumber.has(bare) ? null : inv);
    }
    const payments = await ctx.db
      .selectFrom('payments')
      .select(['id', 'clientId', 'date', 'amount', 'currency', 'reference'])
      .where('clientId', 'in', ids)
      .where('voidedAt', 'is', null)
      .execute();
    const plain = new Map<number, string>();
    for (const p of payments) {
      if (p.reference) {
        const k = `${p.clientId}\u0000${p.reference}`;
        if (!byReference.has(k)) byReference.set(k, p);
      } else {
        const k = plainKey(p.clientId, p.date, p.amount, p.currency, null);
        plainCounts.set(k, (plainCounts.get(k) ?? 0) + 1);
        plain.set(p.id, k);
      }
    }
    // a stored payment also answers to its key with each invoice it was applied to
    for (const part of chunks([...plain.keys()])) {
      const allocations = await ctx.db
        .selectFrom('paymentAllocations')
        .select(['paymentId', 'invoiceId'])
        .distinct()
        .where('paymentId', 'in', part)
        .where('voidedAt', 'is', null)
        .execute();
      for (const a of allocations) {
        const k = plain.get(a.paymentId)!.replace(/\|$/, `|${a.invoiceId}`);
        plainCounts.set(k, (plainCounts.get(k) ?? 0) + 1);
      }
    }
  }

  const openLists = new Map<string, BookInvoice[]>();
  for (const inv of byId.values()) {
    if (inv.voided || inv.open <= 0) continue;
    const k = `${inv.clientId}|${inv.currency}`;
    const list = openLists.get(k);
    if (list) list.push(inv);
    else openLists.set(k, [inv]);
  }

  return {
    byId,
    byReference,
    plainCounts,
    plainKey,
    invoice(clientId: number, text: string): BookInvoice | null {
      return byNumber.get(`${clientId}|${text}`) ?? byNumber.get(`${clientId}#${text}`) ?? null;
    },
    /** open invoices of a client in a currency, with their running balances (allocation skips zeros) */
    openOf(clientId: number, currency: string): BookInvoice[] {
      return openLists.get(`${clientId}|${currency}`) ?? [];
    },
  };
}
