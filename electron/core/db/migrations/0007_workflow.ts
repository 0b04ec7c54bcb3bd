import { sql, type Kysely } from 'kysely';

/**
 * The collection workflow: tasks the engine queues (idempotent through `origin_key`), each client's
 * current stage per currency and its changes, the days already run, richer promises, the consumer flag
 * (contact rules apply to consumers only; business by default) and a manual risk-segment override.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
  const addColumns = async (table: string, cols: [string, string][]) => {
    for (const [name, type] of cols) await sql.raw(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`).execute(db);
  };

  await addColumns('clients', [
    ['consumer', 'INTEGER NOT NULL DEFAULT 0'],
    ['risk_override', "TEXT CHECK (risk_override IS NULL OR risk_override IN ('A','B','C'))"],
    ['risk_override_reason', 'TEXT'],
  ]);

  // made_on: the business date the promise was made (payments count from it); status 'open' = active
  await addColumns('promises', [
    ['made_on', 'TEXT'],
    ['channel', 'TEXT'],
    ['entered_by', 'TEXT'],
    ['cancelled_on', 'TEXT'],
  ]);
  await sql`UPDATE promises SET made_on = substr(created_at, 1, 10) WHERE made_on IS NULL`.execute(db);
  await db.schema
    .createTable('promise_invoices')
    .addColumn('promise_id', 'integer', (c) => c.notNull().references('promises.id'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addPrimaryKeyConstraint('promise_invoices_pk', ['promise_id', 'invoice_id'])
    .execute();

  await addColumns('tasks', [
    ['status', "TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','skipped','superseded'))"],
    ['origin_key', 'TEXT'],
    ['currency', 'TEXT'],
    ['stage', 'TEXT'],
    ['channel', 'TEXT'],
    ['template_key', 'TEXT'],
    ['reason_key', 'TEXT'],
    ['reason_params', 'TEXT'],
    ['priority', 'INTEGER NOT NULL DEFAULT 0'],
    ['priority_factors', 'TEXT'],
    ['overdue', 'INTEGER NOT NULL DEFAULT 0'],
    ['days_overdue', 'INTEGER NOT NULL DEFAULT 0'],
    ['first_due_on', 'TEXT'],
    ['skip_reason', 'TEXT'],
    ['closed_on', 'TEXT'],
    ['promise_id', 'INTEGER REFERENCES promises(id)'],
    ['dispute_id', 'INTEGER REFERENCES disputes(id)'],
    ['installment_id', 'INTEGER REFERENCES plan_installments(id)'],
    ['interaction_id', 'INTEGER REFERENCES interactions(id)'],
  ]);
  // running the engine twice for a day inserts nothing new: every generated task has a unique origin
  await sql`CREATE UNIQUE INDEX tasks_origin ON tasks (origin_key) WHERE origin_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX tasks_open ON tasks (status, due_on) WHERE status = 'open'`.execute(db);
  await db.schema.createIndex('tasks_client').on('tasks').columns(['client_id', 'status']).execute();
  await db.schema.createIndex('tasks_closed').on('tasks').columns(['closed_on', 'status']).execute();

  await db.schema
    .createTable('client_stages')
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('since', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_stages_pk', ['client_id', 'currency'])
    .execute();

  await db.schema
    .createTable('stage_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('stage_changes_client').on('stage_changes').columns(['client_id', 'date']).execute();

  await db.schema
    .createTable('workflow_runs')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('created', 'integer', (c) => c.notNull())
    .execute();
}
