import ExcelJS from 'exceljs';
import { centsToDecimalString, currencyDigits } from '#shared/domain/money';
import type { Cell, ExportMeta, Table, TableRow } from './table';

/** Header row of every sheet: row 1 company, 2 title, 3 subtitle, 4 blank, 5 column headers. */
export const XLSX_HEADER_ROW = 5;

/** Excel number format showing the currency's minor-unit digits (PEN 2, CLP 0) with thousands separators. */
export function moneyFormat(currency: string | null): string {
  const d = currency ? currencyDigits(currency) : 2;
  return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

function isoToDate(s: string): Date {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
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

function addSheet(wb: ExcelJS.Workbook, table: Table, meta: ExportMeta): void {
  const ws = wb.addWorksheet(table.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: XLSX_HEADER_ROW }] });
  const n = table.columns.length;
  ws.getCell(1, 1).value = meta.company + (meta.taxId ? ` · ${meta.taxId}` : '');
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = table.title;
  ws.getCell(2, 1).font = { bold: true, size: 12 };
  ws.getCell(3, 1).value = table.subtitle;
  table.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    const h = ws.getCell(XLSX_HEADER_ROW, i + 1);
    h.value = c.header;
    h.font = { bold: true };
    h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };
    h.border = { bottom: { style: 'thin' } };
    if (c.kind === 'money' || c.kind === 'int') h.alignment = { horizontal: 'right' };
  });
  const write = (rowNo: number, row: TableRow, bold: boolean) => {
    const r = ws.getRow(rowNo);
    row.cells.forEach((v, i) => {
      const cell = r.getCell(i + 1);
      cell.value = cellValue(table, row, i, v);
      const kind = table.columns[i]!.kind;
      if (kind === 'money') cell.numFmt = moneyFormat(row.currency);
      else if (kind === 'date') cell.numFmt = 'yyyy-mm-dd';
      else if (kind === 'int') cell.numFmt = '0';
      if (bold) cell.font = { bold: true };
    });
  };
  table.rows.forEach((row, k) => write(XLSX_HEADER_ROW + 1 + k, row, false));
  // the filter covers the data only; totals sit below a blank row so sorting never moves them
  ws.autoFilter = { from: { row: XLSX_HEADER_ROW, column: 1 }, to: { row: XLSX_HEADER_ROW + Math.max(1, table.rows.length), column: n } };
  const totalsStart = XLSX_HEADER_ROW + table.rows.length + 2;
  table.totals.forEach((row, k) => {
    write(totalsStart + k, row, true);
    if (k === 0) for (let i = 1; i <= n; i++) ws.getCell(totalsStart, i).border = { top: { style: 'thin' } };
  });
}

/** One workbook, one sheet per table (summary, detail…), as the bytes of an .xlsx file. */
export async function tablesToXlsx(tables: readonly Table[], meta: ExportMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cartera';
  wb.created = new Date(`${meta.generatedOn}T00:00:00Z`);
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${t.name.slice(0, 28)} ${i}`;
    used.add(name);
    addSheet(wb, { ...t, name }, meta);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
