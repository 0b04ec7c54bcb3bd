import { checkMapping, fieldsOf, headersLookSpanish, matchHeaders, missingFields, type ImportKind, type ImportMapping } from '#shared/domain/importFields';
import { cellText, type Cell } from '#shared/domain/importValues';
import { CarteraError } from '../errors';
import type { SourceRow } from './read';

/** Where the data starts and which column holds which field. */
export type Layout = { headerIndex: number; headerLine: number; headers: string[]; mapping: ImportMapping; spanish: boolean };

/** One data row as the planners see it: cells reached by field name, the raw text kept for the report. */
export type ImportRow = { readonly line: number; readonly raw: string[]; cell(field: string): Cell | undefined; text(field: string): string };

/** Title rows and blank rows may sit above the header; we look this far down for it. */
const HEADER_SEARCH_ROWS = 50;

const isBlank = (r: SourceRow) => r.cells.every((c) => cellText(c) === '');

/**
 * The header is the first row naming at least two fields of the kind. A caller's mapping replaces the
 * detected one; then a header we cannot recognise is simply the first non-blank row.
 */
export function findLayout(kind: ImportKind, rows: readonly SourceRow[], override?: Record<string, number | null>): Layout {
  let headerIndex = -1;
  let detected: ImportMapping = {};
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const m = matchHeaders(kind, rows[i]!.cells.map(cellText));
    if (Object.keys(m).length >= 2) {
      headerIndex = i;
      detected = m;
      break;
    }
  }
  if (headerIndex < 0 && override) headerIndex = rows.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) {
    throw new CarteraError('validation', 'import.error.no_header', { fields: fieldsOf(kind).map((f) => f.field).join(', ') });
  }
  const headerRow = rows[headerIndex]!;
  const headers = headerRow.cells.map(cellText);
  let mapping = detected;
  if (override) {
    const checked = checkMapping(kind, override, headers.length);
    if (!checked.ok) throw new CarteraError('validation', 'import.error.bad_mapping', { detail: checked.detail });
    mapping = checked.mapping;
  }
  const missing = missingFields(kind, mapping);
  if (missing.length > 0) throw new CarteraError('validation', 'import.error.missing_columns', { fields: missing.join(', ') });
  return { headerIndex, headerLine: headerRow.line, headers, mapping, spanish: headersLookSpanish(kind, headers, mapping) };
}

/** A class, not closures per row: a 100k-row file makes 100k of these and the garbage collector notices. */
class Row implements ImportRow {
  constructor(
    readonly line: number,
    private readonly cells: Cell[],
    private readonly mapping: ImportMapping,
  ) {}
  get raw(): string[] {
    return this.cells.map((c) => (typeof c === 'number' ? String(c) : c));
  }
  cell(field: string): Cell | undefined {
    const col = this.mapping[field];
    return col === undefined ? undefined : this.cells[col];
  }
  text(field: string): string {
    return cellText(this.cell(field));
  }
}

/** The data rows under the header, blank ones left out (they are not rows anyone meant). */
export function dataRows(rows: readonly SourceRow[], layout: Layout): ImportRow[] {
  const out: ImportRow[] = [];
  for (let i = layout.headerIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (!isBlank(r)) out.push(new Row(r.line, r.cells, layout.mapping));
  }
  return out;
}

/** The header text of a field's column, for messages that speak the file's own words. */
export function headerOf(layout: Layout, field: string): string {
  const col = layout.mapping[field];
  return (col !== undefined ? layout.headers[col] : undefined) || field;
}
