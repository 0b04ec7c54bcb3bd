import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { freshCore } from '../../support/core';

/** A small book in three currencies (CLP has no decimals), with a name that tries to be a formula. */
async function book(core: Core) {
  await core.call('settings.update', { name: 'Acme Cobranzas S.A.C.', taxId: '20100000001', address: 'Av. Siempre Viva 742, Lima', locale: 'es-PE' });
  const a = await core.call('clients.create', { code: 'A1', name: 'Alfa S.A.', segment: 'Retail' });
  const b = await core.call('clients.create', { code: 'B2', name: '=HYPERLINK("http://x","y")', segment: 'Pyme' });
  await core.call('invoices.create', { clientId: a.id, number: 'F-1', issueDate: '2026-09-01', dueDate: '2026-09-30', currency: 'PEN', amount: 123_456 });
  await core.call('invoices.create', { clientId: a.id, number: 'F-2', issueDate: '2026-10-20', dueDate: '2026-11-19', currency: 'PEN', amount: 100_000 });
  const inv = await core.call('invoices.create', {
    clientId: b.id,
    number: 'F-3',
    issueDate: '2026-06-01',
    dueDate: '2026-06-15',
    currency: 'CLP',
    amount: 2_500_000,
  });
  await core.call('invoices.create', { clientId: b.id, number: 'F-4', issueDate: '2026-11-01', dueDate: '2026-12-01', currency: 'USD', amount: 99_999 });
  await core.call('payments.record', {
    clientId: b.id,
    date: '2026-10-05',
    amount: 500_000,
    currency: 'CLP',
    method: 'transfer',
    reference: '-OP 1',
    allocations: [{ invoiceId: inv.id, amount: 500_000 }],
  });
}

describe('aging exports', () => {
  let core: Core & { dir: string };
  beforeAll(async () => {
    core = await freshCore();
    await book(core);
  });
  afterAll(async () => {
    await core.close();
    fs.rmSync(core.dir, { recursive: true, force: true });
  });

  it('XLSX: title, bold frozen header with filter, currency number formats, values and totals per currency', async () => {
    const f = await core.call('exports.aging', { asOf: '2026-11-20', format: 'xlsx' });
    expect(f.fileName).toBe('aging-2026-11-20.xlsx');
    expect(f.mime).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Detail']);
    const ws = wb.getWorksheet('Summary')!;
    expect(ws.getCell('A1').value).toBe('Acme Cobranzas S.A.C. · 20100000001');
    expect(String(ws.getCell('A3').value)).toContain('As of 11/20/2026');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.autoFilter).toBeTruthy();
    const header = ws.getRow(5).values as unknown[];
    expect(header.slice(1)).toEqual(['Code', 'Name', 'Currency', 'Current', '1-30', '31-60', '61-90', '91-120', '120+', 'Total']);
    expect(ws.getCell('A5').font?.bold).toBe(true);
    // rows sorted by code then currency: A1 PEN, B2 CLP, B2 USD
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual(['A1', 'Alfa S.A.', 'PEN', 0, 1000, 1234.56, 0, 0, 0, 2234.56]);
    expect(ws.getCell('D6').numFmt).toBe('#,##0.00');
    expect((ws.getRow(7).values as unknown[]).slice(1)).toEqual(['B2', '=HYPERLINK("http://x","y")', 'CLP', 0, 0, 0, 0, 0, 2_000_000, 2_000_000]);
    expect(ws.getCell('J7').numFmt).toBe('#,##0');
    expect(ws.getCell('B7').type).toBe(ExcelJS.ValueType.String); // text, never a formula
    // blank row, then one bold totals row per currency, sorted by currency
    expect(ws.getRow(9).values).toEqual([]);
    expect(ws.getCell('A10').value).toBe('Total CLP');
    expect(ws.getCell('B10').value).toBeNull();
    expect(ws.getCell('J10').value).toBe(2_000_000);
    expect(ws.getCell('J11').value).toBe(2234.56);
    expect(ws.getCell('J12').value).toBe(999.99);
    expect(ws.getCell('J12').numFmt).toBe('#,##0.00');
    expect(ws.getCell('J12').font?.bold).toBe(true);

    const d = wb.getWorksheet('Detail')!;
    expect(d.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect((d.getRow(5).values as unknown[]).slice(1)).toEqual([
      'Code',
      'Client',
      'Segment',
      'Invoice',
      'Issue date',
      'Due date',
      'Days',
      'Bucket',
      'Currency',
      'Amount',
      'Open',
    ]);
    const first = d.getRow(6);
    expect(first.getCell(4).value).toBe('F-1');
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(first.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(7).value).toBe(51);
    expect(first.getCell(8).value).toBe('31-60');
  });

  it('CSV with ; and decimal comma, formulas neutralised, negative-looking text too', async () => {
    const f = await core.call('exports.aging', { asOf: '2026-11-20', format: 'csv', delimiter: ';', decimal: ',' });
    const text = Buffer.from(f.base64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Code;Name;Currency;Current;1-30;31-60;61-90;91-120;120+;Total',
      'A1;Alfa S.A.;PEN;0,00;1000,00;1234,56;0,00;0,00;0,00;2234,56',
      `B2;"'=HYPERLINK(""http://x"",""y"")";CLP;0;0;0;0;0;2000000;2000000`,
      `B2;"'=HYPERLINK(""http://x"",""y"")";USD;999,99;0,00;0,00;0,00;0,00;0,00;999,99`,
      'Total CLP;;CLP;0;0;0;0;0;2000000;2000000',
      'Total PEN;;PEN;0,00;1000,00;1234,56;0,00;0,00;0,00;2234,56',
      'Total USD;;USD;999,99;0,00;0,00;0,00;0,00;0,00;999,99',
    ]);
    const detail = Buffer.from((await core.call('exports.aging', { asOf: '2026-11-20', format: 'csv', view: 'detail', bucket: 2 })).base64, 'base64').toString(
      'utf8',
    );
    expect(detail.slice(1).trimEnd().split('\r\n')).toEqual([
      'Code,Client,Segment,Invoice,Issue date,Due date,Days,Bucket,Currency,Amount,Open',
      'A1,Alfa S.A.,Retail,F-1,2026-09-01,2026-09-30,51,31-60,PEN,1234.56,1234.56',
      'Total PEN,,,,,,,,PEN,,1234.56',
    ]);
  });

  it('refuses a comma decimal with a comma delimiter', async () => {
    const r = await core.dispatch('exports.aging', { asOf: '2026-11-20', format: 'csv', decimal: ',' });
    expect(r.ok).toBe(false);
  });

  it('lists: payments and invoices of a period to CSV and XLSX', async () => {
    const p = Buffer.from(
      (await core.call('exports.list', { kind: 'payments', from: '2026-10-01', to: '2026-10-31', format: 'csv' })).base64,
      'base64',
    ).toString('utf8');
    // a reference starting with "-" is text: neutralised like a formula
    expect(p.slice(1).trimEnd().split('\r\n')).toEqual([
      'Code,Client,Date,Currency,Amount,Unapplied,Method,Reference,Voided',
      `B2,"'=HYPERLINK(""http://x"",""y"")",2026-10-05,CLP,500000,0,transfer,'-OP 1,`,
      'Total CLP,,,,500000,0,,,',
    ]);
    const x = await core.call('exports.list', { kind: 'invoices', from: '2026-09-01', to: '2026-11-30', format: 'xlsx' });
    expect(x.rows).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Invoices')!;
    expect(ws.getCell('C6').value).toBe('F-1');
    expect(ws.getCell('G6').value).toBe(1234.56);
    const i = await core.call('exports.list', { kind: 'interactions', from: '2026-01-01', to: '2026-12-31', format: 'csv' });
    expect(i.rows).toBe(0);
  });
});

describe('aging PDF', () => {
  it('renders a demo book: header, tables, totals, page numbers (PNG looked at by a person)', async () => {
    const core = await freshCore({ locale: 'es' });
    try {
      await core.call('demo.load', { clients: 60, invoices: 900, seed: 3, today: '2026-11-20' });
      const f = await core.call('exports.aging', { asOf: '2026-10-31', format: 'pdf' });
      expect(f.fileName).toBe('aging-2026-10-31-summary.pdf');
      const pdf = Buffer.from(f.base64, 'base64');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(core.dir, 'aging.pdf');
      fs.writeFileSync(file, pdf);
      let pngs: string[] = [];
      try {
        execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(core.dir, 'page')]);
        pngs = fs.readdirSync(core.dir).filter((n) => n.startsWith('page') && n.endsWith('.png'));
      } catch {
        return; // poppler missing on this machine: the bytes were checked above
      }
      expect(pngs.length).toBeGreaterThanOrEqual(1);
      for (const p of pngs) expect(fs.statSync(path.join(core.dir, p)).size).toBeGreaterThan(5_000);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toContain('Comercial Demo S.A.C.');
      expect(text).toContain('RUC: 20123456789');
      expect(text).toContain('Al 31/10/2026');
      expect(text).toMatch(/Página 1 de \d/);
      expect(text).toContain('Total PEN');
    } finally {
      await core.close();
      fs.rmSync(core.dir, { recursive: true, force: true });
    }
  });
});
