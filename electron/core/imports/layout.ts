import {
  checkMapping,
  fieldDef,
  fieldsOf,
  headersLookSpanish,
  matchHeaders,
  missingFields,
  type ImportKind,
  type ImportMapping,
} from '#shared/domain/importFields';
import { cellText, type Cell } from '#shared/domain/importValues';
import { CarteraError } from '../errors';
import { cellsOf, type Delimiter, type SourceRow, type Table } from './read';

/** Where the data starts and which column holds which field. */
/** `canonical`: every header is a field's own name (client_code, amount…): the documented format, decimal point. */
export type Layout = { headerIndex: number; headerLine: number; headers: string[]; mapping: ImportMapping; spanish: boolean; canonical: boolean };

/**
 * One data row as the planners see it: cells reached by field name, the raw text kept for the report.
 * An unquoted CSV row keeps only its line and splits it on use; `hold` keeps the split cells while the
 * row is being read field by field, `release` lets them go (rows read well need no cells afterwards).
 */
export type ImportRow = {
  readonly line: number;
  readonly raw: string[];
  cell(field: string): Cell | undefined;
  text(field: string): string;
  hold(): void;
  release(): void;
};

/** Title rows and blank rows may sit above the header; we look this far down for it. */
const HEADER_SEARCH_ROWS = 50;

const isBlank = (r: SourceRow, delimiter: Delimiter | null) =>
  typeof r.src === 'string' ? blankLine(r.src, delimiter ?? ',') : r.src.every((c) => cellText(c) === '');

/** Nothing but delimiters and white space (what trim removes): every cell of the line would be blank. */
function blankLine(line: string, delimiter: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch !== delimiter && ch.trim() !== '') return false;
  }
  return true;
}

/**
 * The header is the first row naming at least two fields of the kind. A caller's mapping replaces the
 * detected one; then a header we cannot recognise is simply the first non-blank row.
 */
export function findLayout(kind: ImportKind, table: Pick<Table, 'rows' | 'delimiter'>, override?: Record<string, number | null>): Layout {
  const { rows, delimiter } = table;
  let headerIndex = -1;
  let detected: ImportMapping = {};
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const m = matchHeaders(kind, cellsOf(rows[i]!, delimiter).map(cellText));
    if (Object.keys(m).length >= 2) {
      headerIndex = i;
      detected = m;
      break;
    }
  }
  if (headerIndex < 0 && override) headerIndex = rows.findIndex((r) => !isBlank(r, delimiter));
  if (headerIndex < 0) {
    throw new CarteraError('validation', 'import.error.no_header', {
      fields: fieldsOf(kind)
        .map((f) => f.field)
        .join(', '),
    });
  }
  const headerRow = rows[headerIndex]!;
  const headers = cellsOf(headerRow, delimiter).map(cellText);
  let mapping = detected;
  if (override) {
    const checked = checkMapping(kind, override, headers.length);
    if (!checked.ok) throw new CarteraError('validation', 'import.error.bad_mapping', { detail: checked.detail });
    mapping = checked.mapping;
  }
  const missing = missingFields(kind, mapping);
  if (missing.length > 0) throw new CarteraError('validation', 'import.error.missing_columns', { fields: missing.join(', ') });
  const named = headers.filter((h) => h !== '');
  const canonical = named.length > 0 && named.every((h) => fieldDef(kind, h.toLowerCase()) !== undefined);
  return { headerIndex, headerLine: headerRow.line, headers, mapping, spanish: headersLookSpanish(kind, headers, mapping), canonical };
}

/** A class, not closures per row: a 100k-row file makes 100k of these and the garbage collector notices. */
class Row implements ImportRow {
  private held: Cell[] | null = null;
  constructor(
    readonly line: number,
    private readonly src: Cell[] | string,
    private readonly delimiter: string,
    private readonly mapping: ImportMapping,
  ) {}
  private cells(): Cell[] {
    return this.held ?? (typeof this.src === 'string' ? this.src.split(this.delimiter) : this.src);
  }
  hold(): void {
    if (typeof this.src === 'string') this.held ??= this.src.split(this.delimiter);
  }
  release(): void {
    this.held = null;
  }
  get raw(): string[] {
    return this.cells().map((c) => (typeof c === 'number' ? String(c) : c));
  }
  cell(field: string): Cell | undefined {
    const col = this.mapping[field];
    return col === undefined ? undefined : this.cells()[col];
  }
  text(field: string): string {
    return cellText(this.cell(field));
  }
}

/** The data rows under the header, blank ones left out (they are not rows anyone meant). */
export function dataRows(table: Pick<Table, 'rows' | 'delimiter'>, layout: Layout): ImportRow[] {
  const { rows, delimiter } = table;
  const out: ImportRow[] = [];
  for (let i = layout.headerIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (!isBlank(r, delimiter)) out.push(new Row(r.line, r.src, delimiter ?? ',', layout.mapping));
  }
  return out;
}

/** The header text of a field's column, for messages that speak the file's own words. */
export function headerOf(layout: Layout, field: string): string {
  const col = layout.mapping[field];
  return (col !== undefined ? layout.headers[col] : undefined) || field;
}
