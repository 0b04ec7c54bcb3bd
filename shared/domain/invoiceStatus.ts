import type { InvoiceStatus } from '../contract/invoices';

/** Status is derived from the figures and today's date, never stored, so it cannot drift. */
export function invoiceStatus(
  inv: { amount: number; openAmount: number; dueDate: string; voidedAt: string | null; disputed?: boolean },
  today: string,
): InvoiceStatus {
  if (inv.voidedAt) return 'voided';
  if (inv.openAmount === 0) return 'paid';
  if (inv.disputed) return 'disputed';
  if (inv.dueDate < today) return 'overdue';
  if (inv.openAmount < inv.amount) return 'partly_paid';
  return 'open';
}
