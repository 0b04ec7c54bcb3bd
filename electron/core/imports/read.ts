import type ExcelJS from 'exceljs';
import { loadCsvParse, loadExcelJS, loadIconv } from '../lazy';
import type { Cell } from '#shared/domain/importValues';
import { CarteraError } from '../errors';

/**
 * A file as rows, each with the line a person sees it on (1-based). `src` is the row's cells, or for a
 * CSV without quotes the line itself, split when it is read: a 100k-row file then costs one string per
 * row (a slice of the decoded text) instead of an array of cells per row.
 */
export type SourceRow = { readonly line: number; readonly src: Cell[] | string };
export type Encoding = 'utf8' | 'win1252' | 'utf16le';
export type Delimiter = ',' | ';' | '\t';
export type Table = { format: 'csv' | 'xlsx'; encoding: Encoding | null; delimiter: Delimiter | null; rows: SourceRow[] };
export type ReadOptions = { encoding?: 'auto' | 'utf8' | 'win1252'; delimiter?: 'auto' | Delimiter };

const fileError = (key: 'empty' | 'binary' | 'xls' | 'xlsx' | 'malformed' | 'bad_utf8' | 'nul', params: Record<string, string | number> = {}) =>
  new CarteraError('validation', `import.error.${key}`, params);

export async function readTable(bytes: Uint8Array, opts: ReadOptions = {}): Promise<Table> {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) throw fileError('empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw fileError('xls');
  const { text, encoding } = decode(bytes, opts.encoding ?? 'auto', await loadIconv());
  if (looksBinary(text)) throw fileError('binary');
  refuseNul(text);
  const delimiter = opts.delimiter && opts.delimiter !== 'auto' ? opts.delimiter : detectDelimiter(text);
  return { format: 'csv', encoding, delimiter, rows: parseCsv(text, delimiter, text.includes('"') ? await loadCsvParse() : null) };
}

/** A row's cells; an unsplit line is split on the table's delimiter (a fresh array each call). */
export function cellsOf(row: SourceRow, delimiter: Delimiter | null): Cell[] {
  return typeof row.src === 'string' ? row.src.split(delimiter ?? ',') : row.src;
}

/**
 * The encoding is decided on the whole file: valid UTF-8 is UTF-8 (a Windows-1252 file with accents almost
 * never is); a file with no UTF-8 sequence at all is Windows-1252. A UTF-8 file with one stray invalid
 * byte is neither: reading it all as Windows-1252 would turn every "José" into "JosÃ©", so it is refused
 * with the line of that byte (the user may still choose an encoding).
 */
export function decode(
  bytes: Uint8Array,
  encoding: 'auto' | 'utf8' | 'win1252',
  iconv: { decode(buf: Buffer, enc: string): string },
): { text: string; encoding: Encoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'auto' && buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  const hasBom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  if (encoding === 'win1252') return { text: iconv.decode(buf, 'win1252'), encoding: 'win1252' };
  const body = hasBom ? buf.subarray(3) : buf;
  if (encoding === 'utf8') return { text: body.toString('utf8'), encoding: 'utf8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf8' };
  } catch {
    const latin = iconv.decode(buf, 'win1252');
    // bytes that are no text at all are reported as such by the caller
    if (looksBinary(latin)) return { text: latin, encoding: 'win1252' };
    const scan = scanUtf8(body);
    if (hasBom || scan.sequences > 0) throw fileError('bad_utf8', { line: lineAt(body, scan.firstInvalid) });
    return { text: latin, encoding: 'win1252' };
  }
}

/** Well-formed multi-byte UTF-8 sequences in the bytes, and the offset of the first byte that is not part of one. */
function scanUtf8(b: Uint8Array): { sequences: number; firstInvalid: number } {
  let sequences = 0;
  let firstInvalid = -1;
  for (let i = 0; i < b.length;) {
    const x = b[i]!;
    const n = x < 0x80 ? 1 : x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    let ok = n > 0;
    for (let k = 1; ok && k < n; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    if (ok && n > 1) sequences++;
    if (!ok && firstInvalid < 0) firstInvalid = i;
    i += ok ? n : 1;
  }
  return { sequences, firstInvalid };
}

/** 1-based line of a byte offset (LF, CRLF or CR line ends). */
function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) line++;
  return line;
}

/** Text files do not hold NUL or many control characters; a few stray ones are tolerated. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > Math.max(2, sample.length / 100);
}

/** A NUL anywhere in a text file is refused, never stored (nor exported raw later). */
function refuseNul(text: string): void {
  const at = text.indexOf('\u0000');
  if (at < 0) return;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  throw fileError('nul', { line });
}

/**
 * The delimiter is the candidate that splits the first lines most consistently: the count outside
 * quotes that most lines share (a title line above the header has none), then the larger count.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = firstLogicalLines(text, 30);
  let best: { d: Delimiter; score: number } = { d: ',', score: -1 };
  for (const d of [',', ';', '\t'] as const) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const [mode, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    const score = times * 1000 + mode;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

/** Lines as records: a newline inside quotes does not end one. */
function firstLogicalLines(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (out.length < max && start < text.length) out.push(text.slice(start));
  return out.filter((l) => l.trim() !== '');
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

type CsvRecord = { record: string[]; info: { lines: number } };

/** `parse` is csv-parse, loaded by the caller only when the text has quotes (else it is not used) */
function parseCsv(text: string, delimiter: Delimiter, parse: Awaited<ReturnType<typeof loadCsvParse>> | null): SourceRow[] {
  const body = text.replace(/^\uFEFF/, '');
  // Most exports quote nothing: then a line is a record and a split is exact, and many times faster.
  if (!body.includes('"') || !parse) {
    const lines = body.split(/\r?\n|\r/);
    if (lines[lines.length - 1] === '') lines.pop();
    const rows: SourceRow[] = new Array(lines.length);
    for (let i = 0; i < lines.length; i++) rows[i] = { line: i + 1, src: lines[i]! };
    return rows;
  }
  let records: CsvRecord[];
  try {
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as unknown as CsvRecord[];
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    throw fileError('malformed', { line: err.lines ?? 0, detail: String(err.message ?? e).slice(0, 120) });
  }
  // csv-parse reports the line a record ends on; it starts right after the previous one
  let next = 1;
  return records.map((r) => {
    const row: SourceRow = { line: next, src: r.record };
    next = r.info.lines + 1;
    return row;
  });
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw fileError('xlsx', { detail: (e instanceof Error ? e.message : String(e)).slice(0, 120) });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw fileError('empty');
  const rows: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c).value));
    rows.push({ line: rowNumber, src: cells });
  });
  if (rows.length === 0) throw fileError('empty');
  return { format: 'xlsx', encoding: null, delimiter: null, rows };
}

/** ExcelJS values to cells: dates become YYYY-MM-DD (ExcelJS builds them at UTC midnight), formulas their result. */
function xlsxCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if ('result' in v) return xlsxCell(v.result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return String(v.text);
  if ('error' in v) return '';
  return '';
}
