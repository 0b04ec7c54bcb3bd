import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { rejectsToCsv } from '#shared/domain/importReport';
import { freshCore, snapshot } from '../../support/core';
import { csv } from '../../fixtures/imports/book';
import { reasons, runImport, withClients } from './helpers';

let core: Core;
beforeEach(async () => {
  core = await freshCore();
  await withClients(core);
});
afterEach(async () => {
  await core.close();
});

const rowsOf = (sql: string) => core.ctx.sqlite.prepare(sql).all();
const INVOICE_HEADER = ['client_code', 'number', 'issue_date', 'due_date', 'currency', 'amount'];

describe('invoice rows', () => {
  const file = csv([
    INVOICE_HEADER,
    ['C1', 'F-1', '2026-01-10', '2026-02-09', 'PEN', '100.00'], // 2 good
    ['C9', 'F-2', '2026-01-10', '', 'PEN', '100.00'], // 3 unknown client
    ['C1', 'F-1', '2026-01-10', '2026-02-09', 'PEN', '100.00'], // 4 duplicate of line 2
    ['C1', 'F-3', '2026-02-30', '', 'PEN', '100.00'], // 5 bad date
    ['C1', 'F-4', '2026-03-10', '2026-03-01', 'PEN', '100.00'], // 6 due before issue
    ['C1', 'F-5', '2026-03-10', '', 'PEN', 'cien'], // 7 not a number
    ['C1', 'F-6', '2026-03-10', '', 'PEN', '0'], // 8 not positive
    ['C1', 'F-7', '2026-03-10', '', 'PEN', '-5'], // 9 not positive
    ['C1', 'F-8', '2026-03-10', '', 'XYZ', '5'], // 10 bad currency
    ['C1', 'F-9', '2026-03-10', '', 'PEN', '5,123'], // 11 the column's decimal is the point: 5123.00
    ['C1', 'F-10', '2026-03-10', '', 'PEN', '5.1234'], // 12 too many decimals
    ['C1', '', '2026-03-10', '', 'PEN', '5'], // 13 number missing
    ['c2', 'G-1', '2026-03-10', '', '', '1,234.50'], // 14 good: code case-insensitive, default currency
  ]);
  const expected = [
    [3, 'unknown_client'],
    [4, 'duplicate_in_file'],
    [5, 'bad_date'],
    [6, 'due_before_issue'],
    [7, 'bad_amount'],
    [8, 'amount_not_positive'],
    [9, 'amount_not_positive'],
    [10, 'bad_currency'],
    [12, 'too_many_decimals'],
    [13, 'required'],
  ];

  it('rejects each bad row with its line and reason, and imports nothing', async () => {
    const before = snapshot(core);
    const { report } = await runImport(core, 'invoices', file);
    expect(reasons(report)).toEqual(expected);
    expect(report?.rejects.find((r) => r.line === 4)?.message).toBe('F-1 is repeated: it is already on line 2.');
    expect(report?.rejects.find((r) => r.line === 3)?.raw).toEqual(['C9', 'F-2', '2026-01-10', '', 'PEN', '100.00']);
    expect(report).toMatchObject({ applied: false, counts: { rows: 13, accepted: 3, rejected: 10, created: 0 } });
    expect(snapshot(core)).toEqual(before);
  });

  it('with partial imports only the good rows, and once', async () => {
    const { report } = await runImport(core, 'invoices', file, { partial: true });
    expect(report).toMatchObject({ applied: true, counts: { accepted: 3, rejected: 10, created: 3 } });
    expect(rowsOf('SELECT number, due_date AS d, currency AS c, amount AS a, open_amount AS o FROM invoices ORDER BY id')).toEqual([
      { number: 'F-1', d: '2026-02-09', c: 'PEN', a: 10_000, o: 10_000 },
      { number: 'F-9', d: '2026-04-09', c: 'PEN', a: 512_300, o: 512_300 },
      { number: 'G-1', d: '2026-03-10', c: 'PEN', a: 123_450, o: 123_450 },
    ]);
    const audit = rowsOf("SELECT action, after FROM audit_log WHERE entity = 'import'") as { action: string; after: string }[];
    expect(audit).toHaveLength(2); // the clients of the setup, then this run
    expect(JSON.parse(audit[1]!.after)).toMatchObject({ partial: true, counts: { created: 3, rejected: 10 } });
    const again = await runImport(core, 'invoices', file, { partial: true });
    expect(again.report?.counts).toMatchObject({ created: 0, unchanged: 3 });
  });

  it('an invoice already stored with other data is rejected, with the same data unchanged', async () => {
    await runImport(core, 'invoices', csv([INVOICE_HEADER, ['C1', 'F-1', '2026-01-10', '', 'PEN', '100']]));
    const before = snapshot(core);
    const { report } = await runImport(
      core,
      'invoices',
      csv([INVOICE_HEADER, ['C1', 'F-1', '2026-01-10', '', 'PEN', '100.00'], ['C1', 'F-1', '2026-01-10', '', 'PEN', '120']]),
    );
    expect(reasons(report)).toEqual([[3, 'duplicate_in_file']]);
    const changed = await runImport(core, 'invoices', csv([INVOICE_HEADER, ['C1', 'F-1', '2026-01-11', '', 'PEN', '120']]));
    expect(reasons(changed.report)).toEqual([[2, 'conflict_existing']]);
    expect(changed.report?.rejects[0]?.message).toBe('F-1 already exists with different data (issue_date, amount).');
    expect(snapshot(core)).toEqual(before);
  });

  it('writes the rejects as CSV the user can open', async () => {
    const { report } = await runImport(core, 'invoices', file);
    const out = rejectsToCsv(report!);
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toBe('line,reason,message,client_code,number,issue_date,due_date,currency,amount');
    expect(lines[1]).toBe('3,unknown_client,Unknown client C9.,C9,F-2,2026-01-10,,PEN,100.00');
    expect(lines).toHaveLength(11);
  });
});

describe('payment rows', () => {
  beforeEach(async () => {
    await runImport(
      core,
      'invoices',
      csv([
        INVOICE_HEADER,
        ['C1', 'A-1', '2026-01-01', '2026-01-31', 'PEN', '100.00'],
        ['C1', 'A-2', '2026-02-01', '2026-03-03', 'PEN', '200.00'],
        ['C1', 'A-3', '2026-01-15', '2026-02-14', 'USD', '50.00'],
        ['C2', 'B-1', '2026-02-01', '2026-02-01', 'PEN', '80.00'],
      ]),
    );
  });
  const HEADER = ['client_code', 'invoice_number', 'date', 'amount', 'currency', 'method', 'reference'];

  it('applies to the named invoice, else oldest due first, and keeps the surplus as credit', async () => {
    const { report } = await runImport(
      core,
      'payments',
      csv([
        HEADER,
        ['C1', 'A-2', '2026-03-01', '50', '', 'Transferencia', 'T-1'],
        ['C1', '', '2026-03-05', '400', 'PEN', 'efectivo', ''],
        ['C2', 'B-1', '2026-03-05', '80', 'PEN', 'Yape', 'Y-9'],
      ]),
    );
    expect(report).toMatchObject({ applied: true, counts: { created: 3, rejected: 0 } });
    expect(rowsOf('SELECT method, currency AS c, amount AS a, unapplied_amount AS u FROM payments ORDER BY id')).toEqual([
      { method: 'transfer', c: 'PEN', a: 5000, u: 0 },
      { method: 'cash', c: 'PEN', a: 40_000, u: 15_000 },
      { method: 'yape', c: 'PEN', a: 8000, u: 0 },
    ]);
    expect(rowsOf('SELECT number, open_amount AS o, settled_on AS s FROM invoices ORDER BY id')).toEqual([
      { number: 'A-1', o: 0, s: '2026-03-05' },
      { number: 'A-2', o: 0, s: '2026-03-05' },
      { number: 'A-3', o: 5000, s: null },
      { number: 'B-1', o: 0, s: '2026-03-05' },
    ]);
  });

  it('rejects unknown invoices, other currencies and more than the open balance (counting earlier rows)', async () => {
    const before = snapshot(core);
    const { report } = await runImport(
      core,
      'payments',
      csv([
        HEADER,
        ['C1', 'A-1', '2026-03-01', '60', 'PEN', '', 'R-1'],
        ['C1', 'A-1', '2026-03-02', '60', 'PEN', '', 'R-2'], // only 40 left after line 2
        ['C1', 'Z-9', '2026-03-02', '10', 'PEN', '', 'R-3'],
        ['C1', 'A-3', '2026-03-02', '10', 'PEN', '', 'R-4'],
        ['C1', 'A-1', '2026-03-02', '10', 'PEN', '', 'R-1'], // reference repeated
        ['C1', '', '2026-03-02', '', 'PEN', '', 'R-5'],
      ]),
    );
    expect(reasons(report)).toEqual([
      [3, 'exceeds_open'],
      [4, 'unknown_invoice'],
      [5, 'currency_mismatch'],
      [6, 'duplicate_in_file'],
      [7, 'required'],
    ]);
    expect(report?.rejects[0]?.message.replace(/\s/g, ' ')).toBe('The payment of S/ 60.00 is larger than the open balance S/ 40.00 of invoice A-1.');
    expect(snapshot(core)).toEqual(before);
  });

  it('without a reference, equal payments on one day are each kept, and a re-import adds none', async () => {
    const file = csv([HEADER, ['C1', '', '2026-03-01', '10', 'PEN', 'cash', ''], ['C1', '', '2026-03-01', '10', 'PEN', 'cash', '']]);
    expect((await runImport(core, 'payments', file)).report?.counts).toMatchObject({ created: 2, unchanged: 0 });
    const before = snapshot(core);
    expect((await runImport(core, 'payments', file)).report?.counts).toMatchObject({ created: 0, unchanged: 2 });
    expect(snapshot(core)).toEqual(before);
    const three = csv([HEADER, ...Array.from({ length: 3 }, () => ['C1', '', '2026-03-01', '10', 'PEN', 'cash', ''])]);
    expect((await runImport(core, 'payments', three)).report?.counts).toMatchObject({ created: 1, unchanged: 2 });
  });
});

describe('client rows', () => {
  it('updates what the file changes, never erases with an empty cell, and rejects bad values', async () => {
    await core.call('clients.update', { id: 1, email: 'old@andina.pe' });
    const { report } = await runImport(
      core,
      'clients',
      csv([
        ['Código', 'Razón social', 'Correo', 'Plazo', 'Límite de crédito'],
        ['C1', 'Comercial Andina SAC', '', '45 días', '10.000,00'],
        ['C2', 'Ferretería Ñandú', '', '0', ''],
        ['C 3', 'Con espacio', '', '', ''],
        ['C4', 'Correo malo', 'no-es-correo', '', ''],
        ['C5', 'Plazo malo', '', 'pronto', ''],
        ['C6', '', '', '', ''],
      ]),
      { partial: true },
    );
    expect(reasons(report)).toEqual([
      [4, 'bad_code'],
      [5, 'bad_email'],
      [6, 'bad_terms'],
      [7, 'required'],
    ]);
    expect(report?.counts).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(rowsOf("SELECT name, email, payment_terms_days AS t, credit_limit AS l, search_text AS s FROM clients WHERE code = 'C1'")).toEqual([
      { name: 'Comercial Andina SAC', email: 'old@andina.pe', t: 45, l: 1_000_000, s: expect.stringContaining('comercial andina sac') },
    ]);
  });
});
