import { sql, type Kysely } from 'kysely';

/**
 * An index on (series, number) so the check that refuses an invoice number already used by another
 * client (invoices/numbers.ts, the form and the importer) is one index seek, not a scan of the book.
 *
 * It is UNIQUE when the book has no such duplicate yet: then the database itself guards the rule too.
 * Books made before the rule may hold duplicates (the same number for two clients); the migration must
 * not fail on them nor change their data, so there the index is a plain one and the services enforce the
 * rule for every new or renumbered invoice. Both have the same name, so queries plan the same.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const dup = await sql<{ n: number }>`SELECT 1 AS n FROM invoices GROUP BY series, number HAVING count(*) > 1 LIMIT 1`.execute(db);
  const builder = db.schema.createIndex('invoices_series_number').on('invoices').columns(['series', 'number']);
  await (dup.rows.length === 0 ? builder.unique() : builder).execute();
}
