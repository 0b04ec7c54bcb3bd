import { sql, type Kysely } from 'kysely';
import { idColumn, protectFinancialTables } from '../dialect';

/**
 * Schema v1 for the whole product (clients to documents), so later capabilities add little.
 * Money: INTEGER minor units. Business dates: TEXT YYYY-MM-DD. Instants: TEXT ISO-8601 UTC.
 * Names are snake_case here: the migrator runs without the CamelCasePlugin.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

  await db.schema
    .createTable('company_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tax_id', 'text')
    .addColumn('address', 'text')
    .addColumn('logo', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('default_currency', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text')
    .addColumn('updated_at', 'text')
    .execute();

  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('policy_stages')
    .addColumn('id', 'integer', idColumn)
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('min_days_overdue', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('clients')
    .addColumn('id', 'integer', idColumn)
    .addColumn('code', 'text', (c) =>
      c
        .notNull()
        .modifyEnd(sql`COLLATE NOCASE`)
        .unique(),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tax_id', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('segment', 'text')
    .addColumn('credit_limit', 'integer', (c) => c.check(sql`credit_limit IS NULL OR credit_limit >= 0`))
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('do_not_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('stage_id', 'integer', (c) => c.references('policy_stages.id'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('clients_name').on('clients').column('name').execute();
  await db.schema.createIndex('clients_tax_id').on('clients').column('tax_id').execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('whatsapp', 'text')
    .addColumn('preferred_channel', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('contacts_client').on('contacts').column('client_id').execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('series', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('open_amount', 'integer', (c) => c.notNull())
    .addColumn('settled_on', 'text')
    .addColumn('description', 'text')
    .addColumn('receipt_confirmed_on', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('invoices_client_series_number', ['client_id', 'series', 'number'])
    .addCheckConstraint('invoices_open_range', sql`open_amount >= 0 AND open_amount <= amount`)
    .addCheckConstraint('invoices_due_after_issue', sql`due_date >= issue_date`)
    .execute();
  await db.schema.createIndex('invoices_client_due').on('invoices').columns(['client_id', 'due_date']).execute();
  // Aging as of today reads only open invoices: a partial index keeps that to the ~5% that are open.
  await db.schema
    .createIndex('invoices_open')
    .on('invoices')
    .columns(['client_id', 'currency', 'due_date', 'open_amount', 'issue_date'])
    .where(sql.ref('open_amount'), '>', 0)
    .execute();
  // Aging as of a past date skips invoices settled on or before it.
  await db.schema.createIndex('invoices_issue_settled').on('invoices').columns(['issue_date', 'settled_on']).execute();

  await db.schema
    .createTable('credit_notes')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('reason', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('credit_notes_client_number', ['client_id', 'number'])
    .execute();
  await db.schema.createIndex('credit_notes_invoice').on('credit_notes').columns(['invoice_id', 'date']).execute();
  await db.schema.createIndex('credit_notes_date').on('credit_notes').column('date').execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('notes', 'text')
    .addColumn('unapplied_amount', 'integer', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('payments_unapplied_range', sql`unapplied_amount >= 0 AND unapplied_amount <= amount`)
    .execute();
  await db.schema.createIndex('payments_client_date').on('payments').columns(['client_id', 'date']).execute();
  await db.schema.createIndex('payments_reference').on('payments').columns(['client_id', 'reference']).execute();

  await db.schema
    .createTable('payment_allocations')
    .addColumn('id', 'integer', idColumn)
    .addColumn('payment_id', 'integer', (c) => c.notNull().references('payments.id'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('voided_at', 'text')
    .execute();
  await db.schema.createIndex('payment_allocations_invoice').on('payment_allocations').columns(['invoice_id', 'date']).execute();
  await db.schema.createIndex('payment_allocations_payment').on('payment_allocations').column('payment_id').execute();
  // max(date) tells aging whether the maintained balances are valid as of a date
  await db.schema.createIndex('payment_allocations_date').on('payment_allocations').column('date').execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction IN ('outbound','inbound')`))
    .addColumn('outcome', 'text')
    .addColumn('notes', 'text')
    .addColumn('next_action', 'text')
    .addColumn('next_action_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('interactions_client').on('interactions').columns(['client_id', 'occurred_at']).execute();
  await db.schema.createIndex('interactions_next').on('interactions').column('next_action_on').execute();

  await db.schema
    .createTable('promises')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('interaction_id', 'integer', (c) => c.references('interactions.id'))
    .addColumn('promised_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status IN ('open','kept','broken','cancelled')`),
    )
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('promises_client').on('promises').columns(['client_id', 'promised_date']).execute();
  await db.schema.createIndex('promises_date').on('promises').columns(['promised_date', 'status']).execute();

  await db.schema
    .createTable('payment_plans')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_amount', 'integer', (c) => c.notNull().check(sql`total_amount > 0`))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull().check(sql`frequency IN ('weekly','biweekly','monthly')`))
    .addColumn('installments_count', 'integer', (c) => c.notNull().check(sql`installments_count > 0`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status IN ('active','completed','broken','cancelled')`),
    )
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .execute();
  await db.schema.createIndex('payment_plans_client').on('payment_plans').column('client_id').execute();

  await db.schema
    .createTable('plan_invoices')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('payment_plans.id'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addPrimaryKeyConstraint('plan_invoices_pk', ['plan_id', 'invoice_id'])
    .execute();

  await db.schema
    .createTable('plan_installments')
    .addColumn('id', 'integer', idColumn)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('payment_plans.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('paid_amount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status IN ('pending','paid','late')`),
    )
    .addUniqueConstraint('plan_installments_seq', ['plan_id', 'seq'])
    .execute();
  await db.schema.createIndex('plan_installments_due').on('plan_installments').columns(['due_date', 'status']).execute();

  await db.schema
    .createTable('disputes')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status IN ('open','resolved','rejected')`),
    )
    .addColumn('resolved_on', 'text')
    .addColumn('resolution', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('disputes_invoice').on('disputes').columns(['invoice_id', 'status']).execute();
  await db.schema.createIndex('disputes_client').on('disputes').column('client_id').execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.references('clients.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('tasks_due').on('tasks').columns(['due_on', 'done_at']).execute();

  await db.schema
    .createTable('templates')
    .addColumn('id', 'integer', idColumn)
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('templates_key_language', ['key', 'language'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', idColumn)
    .addColumn('client_id', 'integer', (c) => c.references('clients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('content', 'blob')
    .addColumn('sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('documents_client').on('documents').column('client_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', idColumn)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('reason', 'text')
    .addColumn('actor', 'text', (c) => c.notNull().defaultTo('user'))
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();

  await protectFinancialTables(db, ['invoices', 'credit_notes', 'payments', 'payment_allocations']);
}
