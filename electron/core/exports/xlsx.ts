import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { centsToDecimalString, currencyDigits } from '#shared/domain/money';
import type { Cell, ColKind, ExportMeta, Table, TableRow } from './table';

/** Header row of every sheet: row 1 company, 2 title, 3 subtitle, 4 blank, 5 column headers. */
export const XLSX_HEADER_ROW = 5;

/** Excel number format showing the currency's minor-unit digits (PEN 2, CLP 0) with thousands separators. */
export function moneyFormat(currency: string | null): string {
  const d = currency ? currencyDigits(currency) : 2;
  return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

function isoToDate(s: string): Date {
  return new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))));
}

/**
 * Money goes in as the number the decimal string denotes (123456 PEN → 1234.56): exactly what a person
 * would type, so the spreadsheet shows and sums it like any other figure.
 */
function cellValue(table: Table, row: TableRow, i: number, v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  const kind = table.columns[i]!.kind;
  if (kind === 'money' && typeof v === 'number') return Number(centsToDecimalString(v, row.currency ?? 'USD'));
  if (kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToDate(v);
  return v;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };
/** rows written between two yields to the event loop, so the zip stream drains as the sheet is written */
const ROWS_PER_YIELD = 2_000;

/**
 * Cell styles shared by every cell of a kind: ExcelJS resolves a style object to its id once and then
 * finds it by identity, where a fresh object per cell costs a lookup by value each (most of the time
 * spent writing a large sheet).
 */
const PLAIN: Partial<ExcelJS.Style> = {};

function styleCache(): (kind: ColKind, currency: string | null, bold: boolean, topBorder: boolean) => Partial<ExcelJS.Style> | null {
  const cache = new Map<string, Partial<ExcelJS.Style> | null>();
  return (kind, currency, bold, topBorder) => {
    const key = `${kind}|${kind === 'money' ? currency : ''}|${bold}|${topBorder}`;
    let st = cache.get(key);
    if (st === undefined) {
      const numFmt = kind === 'money' ? moneyFormat(currency) : kind === 'date' ? 'yyyy-mm-dd' : kind === 'int' ? '0' : undefined;
      st =
        numFmt || bold || topBorder
          ? { ...(numFmt ? { numFmt } : {}), ...(bold ? { font: { bold: true } } : {}), ...(topBorder ? { border: { top: { style: 'thin' } } } : {}) }
          : null;
      cache.set(key, st);
    }
    return st;
  };
}

/**
 * One sheet, written row by row and each row committed at once (ExcelJS's streaming writer keeps no
 * committed row), so memory does not grow with the number of rows.
 */
async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, table: Table, meta: ExportMeta): Promise<void> {
  const n = table.columns.length;
  const ws = wb.addWorksheet(table.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: XLSX_HEADER_ROW }] });
  // the filter covers the data only; totals sit below a blank row so sorting never moves them
  ws.autoFilter = { from: { row: XLSX_HEADER_ROW, column: 1 }, to: { row: XLSX_HEADER_ROW + Math.max(1, table.rows.length), column: n } };
  ws.columns = table.columns.map((c) => ({ width: c.width }));
  const title = (rowNo: number, value: string, font?: Partial<ExcelJS.Font>) => {
    const r = ws.getRow(rowNo);
    r.getCell(1).value = value;
    if (font) r.getCell(1).font = font;
    r.commit();
  };
  title(1, meta.company + (meta.taxId ? ` · ${meta.taxId}` : ''), { bold: true, size: 14 });
  title(2, table.title, { bold: true, size: 12 });
  title(3, table.subtitle);
  const header = ws.getRow(XLSX_HEADER_ROW);
  table.columns.forEach((c, i) => {
    const h = header.getCell(i + 1);
    h.value = c.header;
    h.font = { bold: true };
    h.fill = HEADER_FILL;
    h.border = { bottom: { style: 'thin' } };
    if (c.kind === 'money' || c.kind === 'int') h.alignment = { horizontal: 'right' };
  });
  header.commit();
  const styleOf = styleCache();
  const write = (rowNo: number, row: TableRow, bold: boolean, topBorder: boolean) => {
    const r = ws.getRow(rowNo);
    for (let i = 0; i < n; i++) {
      const v = row.cells[i] ?? null;
      const st = styleOf(table.columns[i]!.kind, row.currency, bold, topBorder);
      if (v === null && !st) continue;
      const cell = r.getCell(i + 1);
      cell.value = cellValue(table, row, i, v);
      cell.style = st ?? PLAIN;
    }
    r.commit();
  };
  for (let k = 0; k < table.rows.length; k++) {
    write(XLSX_HEADER_ROW + 1 + k, table.rows[k]!, false, false);
    if ((k + 1) % ROWS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const totalsStart = XLSX_HEADER_ROW + table.rows.length + 2;
  table.totals.forEach((row, k) => write(totalsStart + k, row, true, k === 0));
  ws.commit();
}

/** One workbook, one sheet per table (summary, detail…), as the bytes of an .xlsx file, streamed as it is written. */
export async function tablesToXlsx(tables: readonly Table[], meta: ExportMeta): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Cartera';
  wb.created = new Date(`${meta.generatedOn}T00:00:00Z`);
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${t.name.slice(0, 28)} ${i}`;
    used.add(name);
    await writeSheet(wb, { ...t, name }, meta);
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
