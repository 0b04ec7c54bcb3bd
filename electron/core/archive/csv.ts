/**
 * Cell encoding of the full-export archive ("cartera-csv-1"): one CSV per table, RFC 4180 quoting,
 * a header row with every column, rows in rowid order. It must give back exactly what SQLite held:
 *
 *   NULL              → \N                    (so NULL and the empty string differ: "" is empty text)
 *   BLOB              → \b:<base64>
 *   integer / real    → plain decimal (123, -5, 1.5); exact: integers are read as 64-bit
 *   text              → as is, except that a text starting with a backslash or with = + - @ TAB CR
 *                       (which a spreadsheet would run as a formula) gets one backslash in front;
 *                       in columns without a numeric or text type (BLOB/none affinity) a text that
 *                       looks like a number gets one too, since SQLite keeps such columns' types as given.
 *
 * Decoding: `\N` is NULL, `\b:` a BLOB, any other cell starting with a backslash is text without its
 * first backslash; other cells are text, or numbers in BLOB/none columns when they look like one. In
 * INTEGER/REAL/NUMERIC columns the text is bound as is and SQLite's column affinity makes it the number
 * it was (text that is not a number stays text there, as it was stored).
 */

export type Affinity = 'INTEGER' | 'TEXT' | 'BLOB' | 'REAL' | 'NUMERIC';

/** SQLite's rules (datatype3.html §3.1), in their order. */
export function affinityOf(declared: string): Affinity {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'INTEGER';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'TEXT';
  if (t.includes('BLOB') || t === '') return 'BLOB';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'REAL';
  return 'NUMERIC';
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?(e[+-]?\d+)?$/i;
const INTEGER = /^-?(0|[1-9]\d*)$/;
const NEEDS_ESCAPE = /^[\\=+\-@\t\r]/;

export function encodeValue(v: unknown, affinity: Affinity): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `\\b:${Buffer.from(v).toString('base64')}`;
  const s = String(v);
  if (NEEDS_ESCAPE.test(s) || (affinity === 'BLOB' && NUMBER.test(s))) return `\\${s}`;
  return s;
}

export function decodeValue(cell: string, affinity: Affinity): null | string | bigint | number | Buffer {
  if (cell === '\\N') return null;
  if (cell.startsWith('\\b:')) return Buffer.from(cell.slice(3), 'base64');
  if (cell.startsWith('\\')) return cell.slice(1);
  if (affinity === 'BLOB' && NUMBER.test(cell)) return INTEGER.test(cell) ? BigInt(cell) : Number(cell);
  return cell;
}

/** RFC 4180: quoted when it holds a comma, quote or line break; the empty string is always quoted. */
export function csvField(s: string): string {
  return s === '' || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}
