import { centsToDecimalString } from '#shared/domain/money';
import { csvNumber, csvText } from '#shared/domain/csv';
import type { Table } from './table';

export type CsvOptions = { delimiter: ',' | ';'; decimal: '.' | ',' };

/** Rows then one totals row per currency; UTF-8 with BOM so Excel opens accents correctly. CRLF per RFC 4180. */
export function tableToCsv(table: Table, opts: CsvOptions): string {
  const d = opts.delimiter;
  const money = (v: number, cur: string | null) => {
    const s = centsToDecimalString(v, cur ?? 'USD');
    return csvNumber(opts.decimal === ',' ? s.replace('.', ',') : s, d);
  };
  const line = (cells: (string | number | null)[], currency: string | null) =>
    cells
      .map((v, i) => {
        if (v === null) return '';
        const kind = table.columns[i]!.kind;
        if (kind === 'money' && typeof v === 'number') return money(v, currency);
        if (typeof v === 'number') return csvNumber(String(v), d);
        return csvText(v, d);
      })
      .join(d);
  const out = [table.columns.map((c) => csvText(c.header, d)).join(d)];
  for (const r of table.rows) out.push(line(r.cells, r.currency));
  for (const r of table.totals) out.push(line(r.cells, r.currency));
  return '\ufeff' + out.join('\r\n') + '\r\n';
}
