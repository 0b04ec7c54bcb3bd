import { describe, expect, it } from 'vitest';
import { csvLine, csvNumber, csvText } from '#shared/domain/csv';
import { tableToCsv } from '#core/exports/csv';
import { csvCell } from '#core/cli/output';

describe('the one CSV writer', () => {
  it('neutralises what a spreadsheet would run, in ASCII and full width, also after spaces', () => {
    for (const s of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '  =1', '＝1', '＋1', '－1', '＠A1'])
      expect(csvText(s).replace(/^"|"$/g, '')).toMatch(/^'/);
    expect(csvText('Ferretería Ñandú')).toBe('Ferretería Ñandú');
    expect(csvText('a;b', ';')).toBe('"a;b"');
    expect(csvText('di "hola"')).toBe('"di ""hola"""');
  });
  it('writes numbers as numbers, a minus being a sign', () => {
    expect(csvNumber('-12,50', ';')).toBe('-12,50');
    expect(csvLine([-5, '=x', null, 'ok'], ';')).toBe("-5;'=x;;ok");
  });
  it('is what the exports and the CLI write', () => {
    expect(csvCell('＝HYPERLINK("x")')).toBe('"\'＝HYPERLINK(""x"")"');
    const out = tableToCsv(
      {
        columns: [
          { header: 'Cliente', kind: 'text' },
          { header: 'Saldo', kind: 'money' },
        ],
        rows: [{ cells: ['＠evil', -1050], currency: 'PEN' }],
        totals: [],
      } as never,
      { delimiter: ';', decimal: ',' },
    );
    expect(out.split('\r\n')[1]).toBe("'＠evil;-10,50");
  });
});
