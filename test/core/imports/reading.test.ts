import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { freshCore, snapshot } from '../../support/core';
import { csv, spanish } from '../../fixtures/imports/book';
import { previewImport, reasons, runImport, withClients } from './helpers';

let core: Core;
beforeEach(async () => {
  core = await freshCore();
});
afterEach(async () => {
  await core.close();
});

const rowsOf = (sql: string) => core.ctx.sqlite.prepare(sql).all();

describe('reading files', () => {
  it('reads UTF-8 with a BOM and without', async () => {
    const body = csv([
      ['code', 'name'],
      ['A1', 'Compañía Ñoño'],
    ]);
    const r1 = await runImport(core, 'clients', '\uFEFF' + body);
    expect(r1.report?.encoding).toBe('utf8');
    expect(r1.report?.headers[0]).toBe('code');
    const r2 = await runImport(core, 'clients', body.replace('A1', 'A2'));
    expect(r2.report?.counts.created).toBe(1);
    expect(rowsOf('SELECT code, name FROM clients ORDER BY code')).toEqual([
      { code: 'A1', name: 'Compañía Ñoño' },
      { code: 'A2', name: 'Compañía Ñoño' },
    ]);
  });

  it('reads Windows-1252 with accents and ñ, `;` and decimal comma (Spanish Excel CSV)', async () => {
    const { report } = await runImport(core, 'clients', spanish.clients());
    expect(report).toMatchObject({ encoding: 'win1252', delimiter: ';', counts: { rows: 3, created: 3, rejected: 0 } });
    expect(rowsOf("SELECT name, credit_limit AS l, payment_terms_days AS t, search_text AS s FROM clients WHERE code = 'C003'")).toEqual([
      { name: 'Ferretería Ñandú E.I.R.L.', l: 12_345_678, t: 0, s: expect.stringContaining('ferreteria nandu') },
    ]);
  });

  it('honours --encoding when the guess would be wrong', async () => {
    // "Ã±" is valid UTF-8 and valid Windows-1252: only the user knows which was meant
    const bytes = iconv.encode(
      csv([
        ['code', 'name'],
        ['A1', 'Ã±'],
      ]),
      'win1252',
    );
    await runImport(core, 'clients', bytes, { options: { encoding: 'win1252' } });
    expect(rowsOf('SELECT name FROM clients')).toEqual([{ name: 'Ã±' }]);
  });

  it('keeps quoted fields whole: delimiter, quotes and newlines inside, and counts lines across them', async () => {
    await withClients(core);
    const file = [
      'client_code;number;issue_date;amount;description',
      'C1;F-1;2026-01-05;10,00;"Servicio; mensual, ""enero"""',
      'C1;F-2;2026-01-06;20,00;"dos',
      'líneas"',
      'C9;F-3;2026-01-07;30,00;cliente desconocido',
    ].join('\n');
    const { report } = await runImport(core, 'invoices', file, { partial: true });
    expect(report?.delimiter).toBe(';');
    expect(reasons(report)).toEqual([[5, 'unknown_client']]);
    expect(rowsOf('SELECT number, amount, description FROM invoices ORDER BY number')).toEqual([
      { number: 'F-1', amount: 1000, description: 'Servicio; mensual, "enero"' },
      { number: 'F-2', amount: 2000, description: 'dos\nlíneas' },
    ]);
  });

  it('detects tab-delimited files', async () => {
    const { report } = await runImport(core, 'clients', 'Código\tNombre\tCorreo\nT1\tUno, Dos y Tres\tuno@example.com\n');
    expect(report).toMatchObject({ delimiter: '\t', counts: { created: 1 } });
  });

  it('reads dates day-first in Spanish files, and as the user says with dateFormat', async () => {
    await withClients(core);
    const es = csv(
      [
        ['Cliente', 'Número', 'Fecha de emisión', 'Vencimiento', 'Importe'],
        ['C1', 'E-1', '03/04/2026', '05-05-2026', '100'],
      ],
      ';',
    );
    expect((await runImport(core, 'invoices', es)).report?.dateOrder).toBe('dmy');
    const en = csv([
      ['client_code', 'number', 'issue_date', 'due_date', 'amount'],
      ['C1', 'U-1', '03/04/2026', '05/05/2026', '100'],
    ]);
    await runImport(core, 'invoices', en, { options: { dateFormat: 'dmy' } });
    expect(rowsOf('SELECT number, issue_date AS i, due_date AS d FROM invoices ORDER BY number')).toEqual([
      { number: 'E-1', i: '2026-04-03', d: '2026-05-05' },
      { number: 'U-1', i: '2026-04-03', d: '2026-05-05' },
    ]);
  });

  it('reads an XLSX with a title row above the header: real dates, numbers, Excel serials', async () => {
    await withClients(core);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hoja1');
    ws.addRow(['Reporte de facturas pendientes']);
    ws.addRow(['Cliente', 'Nº Factura', 'Fecha Emisión', 'Fecha Vencimiento', 'Moneda', 'Total']);
    ws.addRow(['C1', 'X-1', new Date('2026-02-28T00:00:00Z'), 46_125, 'USD', 1234.5]);
    ws.addRow(['C2', 1001, '28/02/2026', '2026-03-31', 'S/', '1.234,50']);
    const { report } = await runImport(core, 'invoices', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(report).toMatchObject({ format: 'xlsx', headerLine: 2, counts: { created: 2, rejected: 0 } });
    expect(rowsOf('SELECT number, issue_date AS i, due_date AS d, currency AS c, amount AS a FROM invoices ORDER BY number')).toEqual([
      { number: '1001', i: '2026-02-28', d: '2026-03-31', c: 'PEN', a: 123_450 },
      { number: 'X-1', i: '2026-02-28', d: '2026-04-13', c: 'USD', a: 123_450 },
    ]);
  });

  it('previews the mapping and first rows without writing, and takes a changed mapping', async () => {
    await withClients(core);
    const file = csv([
      ['Cliente', 'Doc', 'Fecha', 'Importe'],
      ['C1', 'P-1', '2026-05-01', '50'],
    ]);
    const before = snapshot(core);
    await expect(previewImport(core, 'invoices', file)).rejects.toMatchObject({ apiError: { key: 'import.error.missing_columns' } });
    const p = await previewImport(core, 'invoices', file, { mapping: { client_code: 0, number: 1, issue_date: 2, amount: 3 } });
    expect(p.mapping).toEqual({ client_code: 0, number: 1, issue_date: 2, amount: 3 });
    expect(p.sample).toEqual([{ line: 2, reject: null, values: expect.objectContaining({ number: 'P-1', amount: 5000, dueDate: '2026-05-31' }) }]);
    expect(snapshot(core)).toEqual(before);
  });
});

describe('broken files write nothing and say why', () => {
  const cases: [string, string | Uint8Array, string][] = [
    ['empty', '', 'import.error.empty'],
    ['only blank lines', '\r\n\r\n  \n', 'import.error.empty'],
    ['binary', Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256), 'import.error.binary'],
    ['old .xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'import.error.xls'],
    ['a zip that is not xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'import.error.xlsx'],
    ['no header', 'foo,bar\n1,2\n', 'import.error.no_header'],
    ['wrong columns (a payments file as invoices)', 'client_code,invoice_number,date,amount\nC1,F-1,2026-01-01,10\n', 'import.error.missing_columns'],
  ];
  it.each(cases)('%s', async (_name, content, key) => {
    await withClients(core);
    const before = snapshot(core);
    const { error } = await runImport(core, 'invoices', content);
    expect(error).toMatchObject({ code: 'validation', key });
    expect(error?.message).not.toMatch(/^import\./);
    expect(snapshot(core)).toEqual(before);
  });

  it('mixed date conventions: the ambiguous rows are rejected and, without partial, nothing is imported', async () => {
    await withClients(core);
    const before = snapshot(core);
    const file = csv([
      ['client_code', 'number', 'issue_date', 'amount'],
      ['C1', 'M-1', '13/02/2026', '10'],
      ['C1', 'M-2', '02/14/2026', '10'],
      ['C1', 'M-3', '03/04/2026', '10'],
      ['C1', 'M-4', '2026-03-04', '10'],
    ]);
    const { report } = await runImport(core, 'invoices', file);
    expect(reasons(report)).toEqual([[4, 'ambiguous_date']]);
    expect(report?.rejects[0]?.message).toContain('03/04/2026');
    expect(report).toMatchObject({ applied: false, counts: { rows: 4, accepted: 3, rejected: 1, created: 0 } });
    expect(snapshot(core)).toEqual(before);
  });

  it('refuses a base64 payload over the limit with a clear message', async () => {
    const r = await core.dispatch('imports.run', { kind: 'clients', fileName: 'big.csv', dataBase64: 'A'.repeat(61 * 1024 * 1024) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.key).toBe('validation.file_too_large');
  });
});

describe('text encoding is decided on the whole file (issue 10, item 10)', () => {
  const header = 'code,name\r\n';
  it('one stray invalid byte in a UTF-8 file is refused with its line, not read as Windows-1252', async () => {
    const bytes = Buffer.concat([Buffer.from(header + 'A1,José\r\nA2,Núñez\r\n', 'utf8'), Buffer.from([0x41, 0x33, 0x2c, 0x58, 0xe9, 0x0d, 0x0a])]);
    const before = snapshot(core);
    const { error } = await runImport(core, 'clients', bytes);
    expect(error).toMatchObject({ code: 'validation', key: 'import.error.bad_utf8', message: expect.stringContaining('4') });
    expect(error!.message).toMatch(/^(Line|La línea) 4 /);
    expect(snapshot(core)).toEqual(before);
    // the user may still say it is Windows-1252
    const { report } = await runImport(core, 'clients', bytes, { options: { encoding: 'win1252' } });
    expect(report?.counts.created).toBe(3);
  });
  it('a Windows-1252 file (no UTF-8 sequence anywhere) is still read as such', async () => {
    const { report } = await runImport(core, 'clients', iconv.encode(header + 'A1,José\r\n', 'win1252'));
    expect(report?.encoding).toBe('win1252');
    expect(rowsOf('SELECT name FROM clients')).toEqual([{ name: 'José' }]);
  });
  it('a NUL anywhere, even past the first 8 KB, is refused with its line', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `A${i},Cliente ${i}`);
    rows[900] = 'A900,Cli\u0000ente';
    const { error } = await runImport(core, 'clients', header + rows.join('\r\n'));
    expect(error).toMatchObject({ code: 'validation', key: 'import.error.nul' });
    expect(error!.message).toMatch(/902/);
    expect(rowsOf('SELECT count(*) AS n FROM clients')).toEqual([{ n: 0 }]);
  });
});
