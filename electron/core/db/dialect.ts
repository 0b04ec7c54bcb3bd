import { sql, type Kysely, type ColumnDefinitionBuilder } from 'kysely';

/**
 * Everything that is SQLite-specific lives here, so that the services and migrations stay portable
 * Kysely and a PostgreSQL dialect for a team server only has to re-implement this module.
 */

/** `id INTEGER PRIMARY KEY AUTOINCREMENT`: ids are never reused, even after a void. */
export function idColumn(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return col.primaryKey().autoIncrement();
}

/** Triggers that make the audit log append-only and forbid hard deletes of financial records. */
export async function protectFinancialTables(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`.execute(db);
  for (const t of tables) {
    await sql
      .raw(`CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, 'financial records are voided, never deleted'); END`)
      .execute(db);
  }
}

/** Case- and accent-insensitive text for search columns (the same fold is applied to the query). */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** `column` contains `term` literally (%, _ and \\ in the term are not wildcards). */
export function containsText(column: string, term: string) {
  const pattern = '%' + term.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  return sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * Fast bulk insert for loaders (demo books, large imports): one prepared statement reused per row,
 * inside the caller's transaction. Values must already be in storage form (integers, text, null).
 */
export function bulkInserter(sqlite: import('better-sqlite3').Database, table: string, columns: readonly string[]) {
  const stmt = sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return (values: readonly unknown[]) => stmt.run(...values);
}

/** The next id a table will hand out (loaders assign ids themselves to link rows without reading back). */
export function nextId(sqlite: import('better-sqlite3').Database, table: string): number {
  const row = sqlite.prepare(`SELECT coalesce(max(id), 0) + 1 AS n FROM ${table}`).get() as { n: number };
  return row.n;
}
