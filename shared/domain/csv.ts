/**
 * The one CSV writer for files people open in a spreadsheet (exports, reports, the audit log, rejected
 * import rows). Text that a spreadsheet would run as a formula is neutralised with a leading apostrophe:
 * = + - @ (and their full-width forms, which some spreadsheets fold to ASCII), tab and carriage return,
 * also after leading spaces. Numbers are written as numbers (a leading minus is a sign). Cells are quoted
 * per RFC 4180 when they hold the delimiter, a quote, a line break or edge spaces.
 *
 * Not used for the full-export archive: that is a lossless machine format with its own escapes, read
 * back only by Cartera (electron/core/archive/csv.ts).
 */
export type CsvDelimiter = ',' | ';' | '\t';
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20\t\r]/;

/**
 * The reverse, for a file we wrote coming back (the rejected rows, fixed and imported again): the
 * apostrophe the writer put before a formula character is dropped, and only there.
 */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A text cell: neutralised when it could start a formula, then quoted when needed. */
export function csvText(text: string, delimiter: CsvDelimiter = ','): string {
  const s = FORMULA_START.test(text) ? `'${text}` : text;
  return quote(s, delimiter);
}

/** A number already written as text in the file's dialect ("-1234,56"): never neutralised. */
export function csvNumber(text: string, delimiter: CsvDelimiter = ','): string {
  return text.includes(delimiter) ? `"${text}"` : text;
}

/** Text is quoted for either common delimiter, so a cell survives a file opened with the other one. */
function quote(s: string, delimiter: string): string {
  return s.includes(delimiter) || /[",;\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A row: numbers as numbers, text neutralised, null and undefined empty. */
export function csvLine(cells: readonly CsvValue[], delimiter: CsvDelimiter = ','): string {
  return cells
    .map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? csvNumber(String(c), delimiter) : csvText(c, delimiter)))
    .join(delimiter);
}
