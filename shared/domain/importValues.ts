import { fromEpochDay, isIsoDate } from './dates';
import { currencyDigits, isCurrencyCode, MAX_CENTS, type Cents } from './money';
import { parseInMark, type DecimalMarkChoice, type StrictAmount } from './numberDialect';

/**
 * Reading the values of an import file. A cell is text (CSV, or an XLSX text cell) or a number (an XLSX
 * numeric cell). XLSX date cells arrive already as YYYY-MM-DD text. Conventions that a single value
 * cannot settle (day-first or month-first, decimal comma or point) are decided once per file or column
 * from all its values, never row by row.
 */
export type Cell = string | number;

export type DateOrder = 'dmy' | 'mdy';
export type DateFormatOption = 'auto' | 'iso' | 'dmy' | 'mdy';
export type DecimalMark = '.' | ',' | 'auto';

export function cellText(c: Cell | undefined): string {
  if (c === undefined) return '';
  return typeof c === 'number' ? String(c) : c.trim();
}

/** Excel's day count (1900 system, with its fictitious 29 Feb 1900) to a calendar date. */
export function excelSerialToIso(serial: number): string | null {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 61 || day > 2_958_465) return null;
  const iso = fromEpochDay(day - 25_569);
  return isIsoDate(iso) ? iso : null;
}

type DateShape =
  | { kind: 'empty' }
  | { kind: 'iso'; value: string }
  /** a/b/year: which of a and b is the day is the open question */
  | { kind: 'pair'; a: number; b: number; y: number }
  | { kind: 'bad' };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * Shapes of the text cells seen lately: a file repeats the same few hundred dates in every row, and each
 * is read twice (to decide the reading, then to parse). Shapes are never changed once made.
 */
const shapeCache = new Map<string, DateShape>();
const SHAPE_CACHE_MAX = 20_000;

function shapeOf(c: Cell | undefined): DateShape {
  if (typeof c !== 'string') return shapeOfCell(c);
  let s = shapeCache.get(c);
  if (s === undefined) {
    s = shapeOfCell(c);
    if (shapeCache.size >= SHAPE_CACHE_MAX) shapeCache.clear();
    shapeCache.set(c, s);
  }
  return s;
}

function shapeOfCell(c: Cell | undefined): DateShape {
  if (typeof c === 'number') {
    const iso = excelSerialToIso(c);
    return iso ? { kind: 'iso', value: iso } : { kind: 'bad' };
  }
  // a time after the date (exports often add " 00:00:00") says nothing about the day
  const s = cellText(c).replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[ap]\.? ?m\.?)?Z?$/i, '');
  if (s === '') return { kind: 'empty' };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) {
    const iso = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return isIsoDate(iso) ? { kind: 'iso', value: iso } : { kind: 'bad' };
  }
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const y = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    return { kind: 'pair', a: Number(m[1]), b: Number(m[3]), y };
  }
  // "45000" in text is not a date: Excel serials are read only from numeric XLSX cells, where they are one
  return { kind: 'bad' };
}

function pairAs(p: { a: number; b: number; y: number }, order: DateOrder): string | null {
  const iso = order === 'dmy' ? ymd(p.y, p.b, p.a) : ymd(p.y, p.a, p.b);
  return isIsoDate(iso) ? iso : null;
}

export type DateReading = { order: DateOrder; conflicting: boolean; option: DateFormatOption };

/**
 * Decides how a file's a/b/year dates read. Values only one reading accepts (13/02/2026 is day-first)
 * are evidence; with no evidence the default is day-first for Spanish files. Evidence both ways means
 * the file mixes conventions: only values that read one way can then be trusted.
 */
export function decideDateReading(cells: Iterable<Cell | undefined>, option: DateFormatOption, spanishDefault: boolean): DateReading {
  if (option === 'dmy' || option === 'mdy') return { order: option, conflicting: false, option };
  let dmy = 0;
  let mdy = 0;
  for (const c of cells) {
    const s = shapeOf(c);
    if (s.kind !== 'pair') continue;
    const asDmy = pairAs(s, 'dmy') !== null;
    const asMdy = pairAs(s, 'mdy') !== null;
    if (asDmy && !asMdy) dmy++;
    if (asMdy && !asDmy) mdy++;
  }
  const order: DateOrder = dmy > 0 && mdy === 0 ? 'dmy' : mdy > 0 && dmy === 0 ? 'mdy' : dmy > mdy ? 'dmy' : mdy > dmy ? 'mdy' : spanishDefault ? 'dmy' : 'mdy';
  return { order, conflicting: dmy > 0 && mdy > 0, option };
}

export type DateResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'bad_date' | 'ambiguous_date' };

export function parseDateCell(c: Cell | undefined, reading: DateReading): DateResult {
  const s = shapeOf(c);
  if (s.kind === 'empty') return { ok: false, reason: 'empty' };
  if (s.kind === 'iso') return { ok: true, value: s.value };
  if (s.kind === 'bad' || reading.option === 'iso') return { ok: false, reason: 'bad_date' };
  const asDmy = pairAs(s, 'dmy');
  const asMdy = pairAs(s, 'mdy');
  if (reading.conflicting && asDmy !== null && asMdy !== null && asDmy !== asMdy) return { ok: false, reason: 'ambiguous_date' };
  if (reading.conflicting) {
    const only = asDmy ?? asMdy;
    return only ? { ok: true, value: only } : { ok: false, reason: 'bad_date' };
  }
  const v = reading.order === 'dmy' ? asDmy : asMdy;
  return v ? { ok: true, value: v } : { ok: false, reason: 'bad_date' };
}

/**
 * Currency marks people put in an amount cell. One that names the row's currency is dropped ("S/ 1,250.00"
 * in a PEN row); any other mark, "$" above all (dollars or pesos?), refuses the cell: the currency
 * belongs in the currency column, and a symbol is never silently dropped.
 */
const CURRENCY_MARKS: readonly [RegExp, string][] = [
  [/S\/\.?/, 'PEN'],
  [/US\$|USD\$/, 'USD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
];

/** The number text of an amount cell without a mark naming its currency; null when another mark is there. */
export function withoutCurrencyMark(text: string, currency: string): string | null {
  let s = text;
  for (const [re, code] of CURRENCY_MARKS) {
    if (!re.test(s)) continue;
    if (code !== currency) return null;
    s = s.replace(re, '');
  }
  const code = /[A-Za-z]{3}/.exec(s);
  if (code && isCurrencyCode(code[0].toUpperCase())) {
    if (code[0].toUpperCase() !== currency) return null;
    s = s.replace(code[0], '');
  }
  // any other currency sign; letters left over are simply not a number
  return /\p{Sc}/u.test(s) ? null : s.replace(/'/g, '');
}

export type AmountCellResult = StrictAmount | { ok: false; reason: 'currency_symbol' };

/**
 * An amount cell in minor units, text read in the column's decided mark (never per value); numeric
 * XLSX cells are exact decimals already (shortest round trip).
 */
export function parseAmountCell(c: Cell | undefined, currency: string, decimal: DecimalMarkChoice): AmountCellResult {
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) return { ok: false, reason: 'not_a_number' };
    const text = String(c);
    if (/e/i.test(text)) return { ok: false, reason: 'too_large' };
    return parseInMark(text, currency, '.');
  }
  const text = cellText(c);
  const plain = plainAmount(text, decimal, currencyDigits(currency));
  if (plain !== null) return { ok: true, value: plain as Cents };
  if (text === '') return { ok: false, reason: 'empty' };
  const bare = withoutCurrencyMark(text, currency);
  if (bare === null) return { ok: false, reason: 'currency_symbol' };
  return parseInMark(bare, currency, decimal);
}

/**
 * The common case without the general parser: digits, then optionally the column's decimal mark and at
 * most the currency's minor digits ("1234.5", "980,00"). Anything else, or a value out of range, is
 * left to parseInMark, and for these inputs the two agree (a test compares them).
 */
export function plainAmount(text: string, decimal: '.' | ',', digits: number): number | null {
  const n = text.length;
  if (n === 0 || n > 19) return null;
  let i = 0;
  let int = 0;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    int = int * 10 + d;
  }
  if (i === 0 || i > 15) return null;
  let frac = 0;
  let fracDigits = 0;
  if (i < n) {
    if (text[i] !== decimal || i === n - 1) return null;
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return null;
      frac = frac * 10 + d;
      fracDigits++;
    }
    if (fracDigits > digits) return null;
  }
  const value = int * 10 ** digits + frac * 10 ** (digits - fracDigits);
  return Number.isSafeInteger(value) && value <= MAX_CENTS ? value : null;
}

/** Payment terms such as "30", "30 días", "Crédito 30 días" → 30; "contado" (cash) → 0. */
export function parseTermsCell(c: Cell | undefined): number | null {
  const s = cellText(c).toLowerCase();
  if (/^(contado|cash|immediate)/.test(s)) return 0;
  const numbers = s.match(/\d+(?:[.,]\d+)?/g);
  if (!numbers || numbers.length !== 1 || /[.,]0*[1-9]/.test(numbers[0]!)) return null;
  const n = parseInt(numbers[0]!, 10);
  return n <= 3650 ? n : null;
}

const METHOD_WORDS: Record<string, string> = {
  transfer: 'transfer',
  transferencia: 'transfer',
  'bank transfer': 'transfer',
  wire: 'transfer',
  'transferencia bancaria': 'transfer',
  cash: 'cash',
  efectivo: 'cash',
  contado: 'cash',
  card: 'card',
  tarjeta: 'card',
  'credit card': 'card',
  'tarjeta de credito': 'card',
  'tarjeta de debito': 'card',
  cheque: 'cheque',
  check: 'cheque',
  yape: 'yape',
  plin: 'plin',
  deposit: 'deposit',
  deposito: 'deposit',
  'deposito bancario': 'deposit',
  other: 'other',
  otro: 'other',
  otros: 'other',
};

/** Known payment methods in either language become the built-in codes; anything else is kept as written. */
export function normalizeMethod(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
  if (folded === '') return 'other';
  return METHOD_WORDS[folded] ?? text.trim();
}
