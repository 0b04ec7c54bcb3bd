import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '#core/db/migrations/index';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/open';
import { runCli } from '../../support/cli';
import { freshCore, snapshot } from '../../support/core';
import { csv } from '../../fixtures/imports/book';
import { previewImport, reasons, runImport, withClients } from './helpers';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
let core: TestCore;
afterEach(async () => core?.close());

describe('the import review says what will change before anything is written', () => {
  it('a client dry run lists creates, updates with before → after, and unchanged, and writes nothing', async () => {
    core = await freshCore();
    await withClients(core);
    const before = snapshot(core);
    const file = csv([
      ['code', 'name', 'payment_terms_days'],
      ['C1', 'Comercial Andina S.A.C.', '30'],
      ['C2', 'Ñandú Ferretería S.A.', '15'],
      ['C9', 'Textiles Sur', ''],
    ]);
    const p = await previewImport(core, 'clients', file);
    expect(p.review).toMatchObject({ create: 1, update: 1, unchanged: 1 });
    expect(p.review.creates).toEqual([{ line: 4, key: 'C9', label: 'Textiles Sur', changes: [] }]);
    expect(p.review.updates).toEqual([
      {
        line: 3,
        key: 'C2',
        label: 'Ferretería Ñandú',
        changes: [
          { field: 'name', before: 'Ferretería Ñandú', after: 'Ñandú Ferretería S.A.' },
          { field: 'payment_terms_days', before: 0, after: 15 },
        ],
      },
    ]);
    expect(snapshot(core)).toEqual(before);
    // the run does what the review said
    const run = await runImport(core, 'clients', file);
    expect(run.report?.counts).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
  });

  it('payments dated after today are imported and counted as post-dated', async () => {
    core = await freshCore({ today: '2026-11-20' });
    await withClients(core);
    const file = csv([
      ['client_code', 'date', 'amount', 'currency', 'method', 'reference'],
      ['C1', '2026-11-10', '100.00', 'PEN', 'cash', 'R1'],
      ['C1', '2026-12-15', '200.00', 'PEN', 'cheque', 'R2'],
      ['C2', '2027-01-31', '50.00', 'PEN', 'cheque', 'R3'],
    ]);
    expect((await previewImport(core, 'payments', file)).postDated).toEqual({ count: 2, first: '2026-12-15', last: '2027-01-31' });
    const run = await runImport(core, 'payments', file);
    expect(run.report?.counts.created).toBe(3);
    expect(run.report?.postDated).toEqual({ count: 2, first: '2026-12-15', last: '2027-01-31' });
  });

  it('the CLI imports post-dated payments, warns with their count on stderr and exits 0', async () => {
    core = await freshCore();
    await withClients(core);
    const db = core.ctx.file;
    await core.close();
    const f = path.join(core.dir, 'pagos.csv');
    fs.writeFileSync(
      f,
      csv([
        ['client_code', 'date', 'amount', 'currency', 'method'],
        ['C1', '2099-03-01', '10.00', 'PEN', 'cheque'],
      ]),
    );
    const r = await runCli(['--db', db, '--lang', 'en', 'import', 'payments', f]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: 1 payment is dated after today \(03\/01\/2099 to 03\/01\/2099\)/);
    core = await freshCore();
  });
});

describe('an invoice number is used once in the whole book', () => {
  it('the importer refuses a number another client has, and one repeated for two clients in the file', async () => {
    core = await freshCore();
    await withClients(core);
    const c1 = (await core.call('clients.list', { search: 'C1' })).rows[0]!;
    await core.call('invoices.create', { clientId: c1.id, series: 'F001', number: '77', issueDate: '2026-10-01', currency: 'PEN', amount: 1000 });
    const file = csv([
      ['client_code', 'series', 'number', 'issue_date', 'currency', 'amount'],
      ['C2', 'F001', '77', '2026-10-02', 'PEN', '10.00'],
      ['C1', 'F001', '78', '2026-10-02', 'PEN', '10.00'],
      ['C2', 'F001', '78', '2026-10-03', 'PEN', '10.00'],
    ]);
    const r = await runImport(core, 'invoices', file);
    expect(reasons(r.report)).toEqual([
      [2, 'number_other_client'],
      [4, 'duplicate_in_file'],
    ]);
    expect(r.report?.rejects[0]!.message).toBe('Invoice F001-77 already exists, for client C1 Comercial Andina S.A.C.: each invoice number can be used once.');
  });

  it('the form refuses it with a clear message; renumbering into it too', async () => {
    core = await freshCore();
    const a = await core.call('clients.create', { code: 'A', name: 'Andina' });
    const b = await core.call('clients.create', { code: 'B', name: 'Sol' });
    await core.call('invoices.create', { clientId: a.id, series: 'F001', number: '1', issueDate: '2026-10-01', currency: 'PEN', amount: 1000 });
    const dup = await core.dispatch('invoices.create', { clientId: b.id, series: 'F001', number: '1', issueDate: '2026-10-01', currency: 'PEN', amount: 1000 });
    expect(dup.ok ? null : dup.error).toMatchObject({
      code: 'conflict',
      message: 'Invoice F001-1 already exists, for client A Andina. Each invoice number can be used once.',
    });
    const other = await core.call('invoices.create', { clientId: b.id, series: 'F001', number: '2', issueDate: '2026-10-01', currency: 'PEN', amount: 1000 });
    const renumber = await core.dispatch('invoices.update', { id: other.id, number: '1' });
    expect(renumber.ok ? null : renumber.error).toMatchObject({ code: 'conflict', key: 'error.conflict.invoice_number_other' });
  });

  it('migration 0006 opens a book that already holds duplicates (plain index), and makes it unique otherwise', async () => {
    core = await freshCore();
    const file = path.join(core.dir, 'before-0006.sqlite');
    // a book from before the rule (schema 0005): the same number for two clients
    const raw = new BetterSqlite3(file);
    const kdb = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const { error } = await new Migrator({ db: kdb, provider: { getMigrations: async () => migrations } }).migrateTo('0005_kpi_covering_indexes');
    if (error) throw error;
    raw.exec("INSERT INTO clients (code, name, search_text) VALUES ('A', 'Andina', 'a'), ('B', 'Sol', 'b')");
    raw.exec(
      "INSERT INTO invoices (client_id, series, number, issue_date, due_date, currency, amount, open_amount) VALUES (1, 'F1', '9', '2026-01-01', '2026-01-31', 'PEN', 100, 100), (2, 'F1', '9', '2026-01-01', '2026-01-31', 'PEN', 100, 100)",
    );
    await kdb.destroy();
    await core.close();
    const opened = await openDatabase(file, { backupDir: path.join(core.dir, 'backups') });
    const idx = opened.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'invoices_series_number'").get() as { sql: string };
    expect(idx.sql).not.toMatch(/UNIQUE/);
    expect((opened.sqlite.prepare('SELECT count(*) n FROM invoices').get() as { n: number }).n).toBe(2);
    await opened.close();
    core = await freshCore();
    const fresh = core.ctx.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'invoices_series_number'").get() as { sql: string };
    expect(fresh.sql).toMatch(/UNIQUE/);
  });
});
