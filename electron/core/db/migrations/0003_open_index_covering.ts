import { sql, type Kysely } from 'kysely';

/**
 * Rebuilds the partial index on open invoices with `voided_at` as its last column, so every query on
 * open items (aging as of today, client balances, the open invoices a payment is allocated to) is
 * answered from the index alone (the ~5% open invoices) without visiting the table.
 *
 * Measured on a 1M-invoice book (test/bench): without it SQLite preferred a range over
 * `invoices_issue_settled` (issue_date <= today: every invoice) plus a table lookup per row for aging
 * as of today (~190 ms raw SQL); with it the plan is a scan of this covering index (~20 ms).
 * The index stays small: only rows with open_amount > 0.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('invoices_open').execute();
  await db.schema
    .createIndex('invoices_open')
    .on('invoices')
    .columns(['client_id', 'currency', 'due_date', 'open_amount', 'issue_date', 'voided_at'])
    .where(sql.ref('open_amount'), '>', 0)
    .execute();
}
