import { sql } from 'kysely';
import type { Ctx } from '../context';

/**
 * Recomputes an invoice's maintained figures from its events, inside the caller's transaction:
 * open = amount − active credit notes − active allocations, and settledOn = the latest date of those
 * events when open reaches zero (every event reduces the balance, so that is when it was settled).
 */
export async function refreshInvoiceBalance(ctx: Ctx, invoiceId: number): Promise<void> {
  await sql`
    UPDATE invoices SET
      open_amount = amount
        - coalesce((SELECT sum(amount) FROM payment_allocations a WHERE a.invoice_id = invoices.id AND a.voided_at IS NULL), 0)
        - coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = invoices.id AND n.voided_at IS NULL), 0),
      settled_on = NULL
    WHERE id = ${invoiceId}`.execute(ctx.db);
  await sql`
    UPDATE invoices SET settled_on = (
      SELECT max(d) FROM (
        SELECT max(date) AS d FROM payment_allocations a WHERE a.invoice_id = invoices.id AND a.voided_at IS NULL
        UNION ALL
        SELECT max(date) FROM credit_notes n WHERE n.invoice_id = invoices.id AND n.voided_at IS NULL))
    WHERE id = ${invoiceId} AND open_amount = 0 AND voided_at IS NULL`.execute(ctx.db);
}
