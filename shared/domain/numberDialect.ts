import { currencyDigits, MAX_CENTS, type Cents } from './money';

/**
 * How a text writes numbers: which mark separates the decimals. The other mark, if any, groups thousands
 * (groups of exactly three digits). Nothing here guesses: a value either settles the mark, or is read
 * in a mark decided elsewhere (the whole column, the file, the user's choice).
 */
export type DecimalMarkChoice = '.' | ',';

/** What one value says about the decimal mark. */
export type MarkEvidence = DecimalMarkChoice | 'none' | 'ambiguous';

/**
 * "12.50", "0,5", "1.234,56", "1.234.567" and "0.001" settle the mark (only one reading is a number);
 * "1.500" and "12,345" do not (a thousand-five-hundred, or one-and-a-half); "1500" needs no mark.
 */
export function markEvidence(text: string): MarkEvidence {
  const quick = plainEvidence(text);
  if (quick !== null) return quick;
  const s = text.replace(/[^0-9.,]/g, '');
  const valid = (['.', ','] as const).filter((m) => readNumber(s, m) !== null);
  if (valid.length === 1) return valid[0]!;
  if (valid.length === 0) return 'none';
  return /[.,]/.test(s) ? 'ambiguous' : 'none';
}

/**
 * The shapes nearly every cell of an export has, without building strings: digits only ("1500"), or
 * digits with one mark not followed by exactly three digits ("1234,56"). Anything else: null.
 */
function plainEvidence(s: string): MarkEvidence | null {
  let mark = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c !== 44 && c !== 46) || mark >= 0) return null;
    mark = i;
  }
  if (mark < 0) return s.length > 0 ? 'none' : null;
  const after = s.length - mark - 1;
  if (after === 0 || after === 3) return null;
  return s[mark] === ',' ? ',' : '.';
}

/** Digits of a number text in a mark: [integer digits, fraction digits], or null when it is not a number. */
export function readNumber(s: string, decimal: DecimalMarkChoice): [string, string] | null {
  const group = decimal === '.' ? ',' : '.';
  const parts = s.split(decimal);
  if (parts.length > 2) return null;
  const int = parts[0]!;
  const frac = parts[1];
  if (frac !== undefined && !/^[0-9]+$/.test(frac)) return null;
  if (int.includes(group)) {
    // grouped thousands: 1 to 3 digits, not a lone zero, then groups of exactly three
    if (!/^[1-9][0-9]{0,2}(\.[0-9]{3})+$/.test(int.split(group).join('.'))) return null;
  } else if (!/^[0-9]*$/.test(int) || (int === '' && frac === undefined)) return null;
  return [int.split(group).join(''), frac ?? ''];
}

export type StrictAmount = { ok: true; value: Cents } | { ok: false; reason: 'empty' | 'not_a_number' | 'too_many_decimals' | 'too_large'; readAs?: string };

/**
 * A number text (sign allowed, no currency symbol) in a given mark into minor units. More decimals than
 * the currency has are refused, zeros too ("1.500" is three decimals): never rounded, never re-read in
 * the other mark. `readAs` says, in plain digits with a point, how the text was read.
 */
export function parseInMark(text: string, currency: string, decimal: DecimalMarkChoice): StrictAmount {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = negative !== s.startsWith('-');
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, reason: 'not_a_number' };
  const digits = readNumber(s, decimal);
  if (!digits) return { ok: false, reason: 'not_a_number' };
  const [int, frac] = digits;
  const readAs = (negative ? '-' : '') + (int.replace(/^0+(?=[0-9])/, '') || '0') + (frac ? '.' + frac : '');
  const places = currencyDigits(currency);
  if (frac.length > places) return { ok: false, reason: 'too_many_decimals', readAs };
  const all = (int.replace(/^0+/, '') || '0') + frac.padEnd(places, '0');
  if (all.replace(/^0+/, '').length > 17) return { ok: false, reason: 'too_large', readAs };
  const n = Number(all);
  if (!Number.isSafeInteger(n) || n > MAX_CENTS) return { ok: false, reason: 'too_large', readAs };
  return { ok: true, value: (negative && n !== 0 ? -n : n) as Cents };
}

/** How a column's amounts are read, and why; `example` is a value of the column that shows it. */
export type ColumnReading =
  | { ok: true; decimal: DecimalMarkChoice; basis: 'option' | 'canonical' | 'values' | 'file' | 'unneeded'; example: string | null }
  | { ok: false; problem: 'no_evidence' | 'contradictory'; examples: string[] };

export type FileDialect = {
  /** the user's choice (wizard, `--decimal`) */
  option?: DecimalMarkChoice | 'auto';
  /** the header row is the canonical one: amounts are written with a decimal point */
  canonical: boolean;
  /** headers in Spanish */
  spanish: boolean;
  /** the CSV delimiter; null for XLSX */
  delimiter: string | null;
};

/**
 * The decimal mark of one money column, from the whole column. The user's choice wins, then the
 * canonical format (a point). Otherwise values that settle it decide; values settling both ways stop
 * the import. When only ambiguous values remain, the file's dialect decides where it is clear (Spanish
 * headers with `;` write a decimal comma, English ones with `,` or tabs a point); otherwise we ask.
 */
export function decideColumnMark(cells: Iterable<string | number | undefined>, file: FileDialect): ColumnReading {
  const examples: Record<'.' | ',' | 'ambiguous', string | null> = { '.': null, ',': null, ambiguous: null };
  for (const c of cells) {
    if (typeof c !== 'string') continue;
    const e = markEvidence(c);
    if (e !== 'none') examples[e] ??= c.trim();
  }
  const opt = file.option && file.option !== 'auto' ? file.option : null;
  if (opt) return { ok: true, decimal: opt, basis: 'option', example: examples[opt] ?? examples.ambiguous };
  if (file.canonical) return { ok: true, decimal: '.', basis: 'canonical', example: examples['.'] ?? examples.ambiguous };
  const dot = examples['.'];
  const comma = examples[','];
  if (dot !== null && comma !== null) return { ok: false, problem: 'contradictory', examples: [dot, comma] };
  if (dot !== null || comma !== null) return { ok: true, decimal: dot !== null ? '.' : ',', basis: 'values', example: dot ?? comma };
  if (examples.ambiguous === null) return { ok: true, decimal: '.', basis: 'unneeded', example: null };
  if (file.spanish && file.delimiter === ';') return { ok: true, decimal: ',', basis: 'file', example: examples.ambiguous };
  if (!file.spanish && (file.delimiter === ',' || file.delimiter === '\t')) return { ok: true, decimal: '.', basis: 'file', example: examples.ambiguous };
  return { ok: false, problem: 'no_evidence', examples: [examples.ambiguous] };
}

/** Currency signs and codes a person may type or paste around an amount (S/, US$, MX$, €, PEN …). */
const TYPED_CURRENCY = /[A-Z]{0,3}\p{Sc}|S\/\.?|\b[A-Za-z]{3}\b/gu;

/**
 * An amount typed in a form. Both marks are accepted when the text settles which is the decimal one
 * ("250,50" and "250.50" in any locale, "1.234,56", "1,234.56"); only text that both marks could read
 * ("1,500") is read in the locale's mark, as the app itself writes it. Impossible groupings ("1,23,4")
 * and extra decimals ("0,001" is 0.001) are refused, and `readAs` shows how the text was read.
 */
export function parseTypedAmount(text: string, currency: string, localeDecimal: DecimalMarkChoice): StrictAmount {
  const s = text.replace(TYPED_CURRENCY, '').replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return text.trim() === '' ? { ok: false, reason: 'empty' } : { ok: false, reason: 'not_a_number' };
  const e = markEvidence(s);
  return parseInMark(s, currency, e === '.' || e === ',' ? e : localeDecimal);
}
