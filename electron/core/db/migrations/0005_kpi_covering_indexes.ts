import type { Kysely } from 'kysely';

/**
 * Covering indexes for the KPI report and trend (electron/core/kpis), so each of their passes reads
 * one index range and never the tables. Measured on the 1M-invoice benchmark book, a quarter's report
 * went from ~18 s to about a second; the reasons, per index:
 *
 * - `invoices_currency_issue` (currency, issue_date, amount, voided_at): credit sales per currency and
 *   day. Without it sales were read through `invoices_issue_settled` with a table lookup per invoice
 *   (24 months for the countback: ~9 s). Currency leads on purpose: an index led by issue_date is
 *   picked by SQLite for the past-date aging instead of `invoices_issue_settled`, which it needs.
 * - `payment_allocations_date` and `credit_notes_date` are rebuilt with the columns the KPIs read
 *   (same names, same leading column, so `max(date)` keeps using them): events after a date without
 *   a table lookup each.
 * - `payments_date` (date, currency, amount, voided_at): cash collected in a period; payments had no
 *   date index and every report scanned the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('invoices_currency_issue').on('invoices').columns(['currency', 'issue_date', 'amount', 'voided_at']).execute();
  await db.schema.dropIndex('payment_allocations_date').execute();
  await db.schema.createIndex('payment_allocations_date').on('payment_allocations').columns(['date', 'invoice_id', 'amount', 'voided_at']).execute();
  await db.schema.dropIndex('credit_notes_date').execute();
  await db.schema.createIndex('credit_notes_date').on('credit_notes').columns(['date', 'invoice_id', 'currency', 'amount', 'voided_at']).execute();
  await db.schema.createIndex('payments_date').on('payments').columns(['date', 'currency', 'amount', 'voided_at']).execute();
}
