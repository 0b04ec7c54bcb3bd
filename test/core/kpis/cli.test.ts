import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

const run = runCli;

describe('cartera aging --by, kpis, export aging', () => {
  let dir: string;
  let db: string;
  const cli = (...a: string[]) => run(['--db', db, '--today', '2026-11-20', '--lang', 'en', ...a]);
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-cli4-'));
    db = path.join(dir, 'book.sqlite');
    expect((await cli('demo', '--clients', '30', '--invoices', '500', '--seed', '4')).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('aging --by currency|segment agree with the default (client) JSON totals', async () => {
    const byClient = JSON.parse((await cli('aging', '--as-of', '2026-10-31', '--format', 'json')).stdout);
    expect(Object.keys(byClient)).toEqual(['asOf', 'buckets', 'totals', 'clients']);
    for (const by of ['currency', 'segment']) {
      const r = await cli('aging', '--as-of', '2026-10-31', '--by', by, '--format', 'json');
      expect(r.code).toBe(0);
      const s = JSON.parse(r.stdout);
      expect(s.by).toBe(by);
      expect(
        s.totals.map((t: { currency: string; buckets: number[]; total: number }) => ({ currency: t.currency, buckets: t.buckets, total: t.total })),
      ).toEqual(byClient.totals);
    }
    const table = await cli('aging', '--as-of', '2026-10-31', '--by', 'segment', '--basis', 'issue', '--buckets', '0,45,90');
    expect(table.stdout).toContain('Aging by segment as of 2026-10-31 (issue date)');
    expect(table.stdout).toContain('46-90');
    expect((await cli('aging', '--by', 'region')).code).toBe(2);
  });

  it('kpis --format json holds the figures per currency, money in minor units', async () => {
    const r = await cli('kpis', '--from', '2026-08-01', '--to', '2026-10-31', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ from: '2026-08-01', to: '2026-10-31', variants: { dso: 'simple', dsoCountback: 'real-month-lengths', cei: 'CS/N' } });
    expect(j.currencies.length).toBeGreaterThan(0);
    for (const c of j.currencies) {
      for (const k of ['dsoSimple', 'dsoCountback', 'bestPossibleDso', 'add', 'cei', 'currentPct', 'over90Pct', 'collected', 'promiseKeptRate'])
        expect(c).toHaveProperty(k);
      expect(Number.isInteger(c.collected)).toBe(true);
      expect(c.explain).toBeUndefined();
    }
    const t = await cli('kpis', '--from', '2026-08-01', '--to', '2026-10-31');
    expect(t.stdout).toContain('DSO, countback, real months (days)');
    expect((await cli('kpis', '--from', '2026-10-31', '--to', '2026-08-01')).code).toBe(2);
  });

  it('export aging writes XLSX, CSV (; and decimal comma) and PDF by extension; lists too', async () => {
    for (const ext of ['xlsx', 'csv', 'pdf']) {
      const out = path.join(dir, `aging.${ext}`);
      const r = await cli('export', 'aging', '--as-of', '2026-10-31', '--out', out, ...(ext === 'csv' ? ['--delimiter', ';', '--decimal', ','] : []));
      expect(r.code, r.stderr).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(500);
    }
    const csv = fs.readFileSync(path.join(dir, 'aging.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffCode;Name;Currency;Current;1-30;31-60;61-90;91-120;120+;Total');
    expect(csv.split('\r\n')[1]).toMatch(/^C\d{5};[^;]+;(PEN|USD)(;\d+,\d{2}){7}$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'aging.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Detail']);
    expect(fs.readFileSync(path.join(dir, 'aging.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const list = path.join(dir, 'payments.xlsx');
    expect((await cli('export', 'payments', '--from', '2026-10-01', '--to', '2026-10-31', '--out', list)).code).toBe(0);
    expect((await cli('export', 'aging', '--out', path.join(dir, 'x.txt'))).code).toBe(2);
    expect((await cli('export', 'aging', '--out', path.join(dir, 'x.csv'), '--decimal', ',')).code).toBe(2);
  });
});
