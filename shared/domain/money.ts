/**
 * Money is always an integer count of the currency's minor unit (cents for PEN/USD, pesos for CLP).
 * Floats never hold money: user text is parsed digit by digit straight into minor units.
 */
declare const centsBrand: unique symbol;
export type Cents = number & { readonly [centsBrand]: 'Cents' };

/** ISO 4217 code, upper case, three letters. */
export type CurrencyCode = string;

export const MAX_CENTS = 999_999_999_999_99; // 1e15 - 1: far above any receivable, far below 2^53

export function isCents(n: unknown): n is Cents {
  return typeof n === 'number' && Number.isSafeInteger(n) && Math.abs(n) <= MAX_CENTS;
}

export function cents(n: number): Cents {
  if (!isCents(n)) throw new RangeError(`not an amount in minor units: ${n}`);
  return n as Cents;
}

const digitsCache = new Map<string, number>();

/** Number of minor-unit digits of a currency per ISO 4217 (CLP 0, PEN 2, ...), via Intl. */
export function currencyDigits(currency: CurrencyCode): number {
  const hit = digitsCache.get(currency);
  if (hit !== undefined) return hit;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  digitsCache.set(currency, digits);
  return digits;
}

let knownCurrencies: Set<string> | null = null;

/** An ISO 4217 code this runtime can format (Intl's list: real currencies, not XXX or made-up codes). */
export function isCurrencyCode(s: string): boolean {
  if (!/^[A-Z]{3}$/.test(s)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(s);
}

export type ParseMoneyOptions = {
  /** Which character separates the decimals: '.' (1,234.56) or ',' (1.234,56). 'auto' guesses per value. */
  decimal?: '.' | ',' | 'auto';
};

export type ParseMoneyResult = { ok: true; value: Cents } | { ok: false; reason: 'empty' | 'not_a_number' | 'too_many_decimals' | 'too_large' };

/**
 * Parses an amount typed by a person or found in a spreadsheet into minor units.
 * Accepts a sign, currency symbols or codes around the number, spaces, thousands separators and
 * parentheses for negatives. Rejects more decimals than the currency has: we never round money silently.
 */
export function parseMoney(text: string, currency: CurrencyCode, opts: ParseMoneyOptions = {}): ParseMoneyResult {
  let s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // strip currency codes and symbols anywhere around the figures
  s = s
    .replace(/[A-Za-z]{3}(?![0-9])/g, '')
    .replace(/S\/\.?|(?:US|MX|AR|R)?[$€£¥₡₲₱]/g, '')
    .replace(/[\s\u00a0\u202f']/g, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, reason: 'not_a_number' };
  const decimal = opts.decimal && opts.decimal !== 'auto' ? opts.decimal : guessDecimal(s, currencyDigits(currency));
  const thousands = decimal === '.' ? ',' : '.';
  const parts = s.split(decimal);
  if (parts.length > 2) return { ok: false, reason: 'not_a_number' };
  const intPart = parts[0] ?? '';
  const fracPart = parts[1] ?? '';
  if (fracPart.includes(thousands)) return { ok: false, reason: 'not_a_number' };
  if (intPart.includes(thousands) && !/^[0-9]{1,3}([.,][0-9]{3})*$/.test(intPart)) return { ok: false, reason: 'not_a_number' };
  const intDigits = intPart.split(thousands).join('');
  if (intDigits === '' && fracPart === '') return { ok: false, reason: 'not_a_number' };
  const digits = currencyDigits(currency);
  if (fracPart.length > digits && !/^0*$/.test(fracPart.slice(digits))) return { ok: false, reason: 'too_many_decimals' };
  const frac = fracPart.slice(0, digits).padEnd(digits, '0');
  const all = (intDigits.replace(/^0+(?=[0-9])/, '') || '0') + frac;
  if (all.replace(/^0+/, '').length > 17) return { ok: false, reason: 'too_large' };
  const n = Number(all);
  if (!Number.isSafeInteger(n) || n > MAX_CENTS) return { ok: false, reason: 'too_large' };
  return { ok: true, value: (negative && n !== 0 ? -n : n) as Cents };
}

/**
 * With one kind of separator we must guess: "1.234" is a thousand in Spanish files and one-point-two
 * in English ones. A single separator followed by exactly three digits reads as thousands only when the
 * currency could not have three decimals; anything else is the decimal mark.
 */
function guessDecimal(s: string, digits: number): '.' | ',' {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '.';
  const occurrences = s.split(sep).length - 1;
  if (occurrences > 1) return sep === '.' ? ',' : '.';
  const after = s.length - s.lastIndexOf(sep) - 1;
  if (after === 3 && digits !== 3) return sep === '.' ? ',' : '.';
  return sep;
}

/** Minor units to a plain decimal string with a dot, e.g. 123456 PEN → "1234.56" (for CSV and JSON exports). */
export function centsToDecimalString(value: Cents | number, currency: CurrencyCode): string {
  const digits = currencyDigits(currency);
  const negative = value < 0;
  const abs = String(Math.abs(value));
  if (digits === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  return (negative ? '-' : '') + padded.slice(0, -digits) + '.' + padded.slice(-digits);
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The one currency-sign rule of the app: a sign that no other currency shares, whatever the locale.
 * Intl writes "$" for USD in en-US and for MXN in es-MX, so a PEN book with USD invoices would show
 * "$" next to "S/"; these are the signs people in our markets read without doubt. Any other currency
 * is written with its ISO code (never a bare "$", "¥" or "kr").
 */
export const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  PEN: 'S/',
  USD: 'US$',
  MXN: 'MX$',
  COP: 'COL$',
  CLP: 'CLP$',
  ARS: 'AR$',
  BRL: 'R$',
  EUR: '€',
  GBP: '£',
};

export function currencySign(currency: CurrencyCode): string {
  return CURRENCY_SIGNS[currency] ?? currency;
}

/** Formats minor units for display in a locale, with the unambiguous sign. Goes through a decimal string so no float rounding shows. */
export function formatMoney(value: Cents | number, currency: CurrencyCode, locale: string): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'symbol' });
    formatters.set(key, f);
  }
  // Intl accepts decimal strings exactly (ES2023 "Intl.NumberFormat v3"), avoiding binary fractions.
  const parts = f.formatToParts(centsToDecimalString(value, currency) as unknown as number);
  const sign = currencySign(currency);
  let out = '';
  parts.forEach((p, i) => {
    if (p.type !== 'currency') return void (out += p.value);
    const next = parts[i + 1];
    const prev = parts[i - 1];
    // "US$1,234" reads well, "PEN1,234" does not: a sign ending in a letter keeps a space from the figures
    const gapAfter = /[A-Z]$/.test(sign) && next && next.type !== 'literal' ? '\u00a0' : '';
    const gapBefore = /^[A-Z]/.test(sign) && prev && ['integer', 'fraction', 'percentSign'].includes(prev.type) ? '\u00a0' : '';
    out += gapBefore + sign + gapAfter;
  });
  return out;
}

export function sumCents(values: readonly number[]): Cents {
  let total = 0;
  for (const v of values) total += v;
  return cents(total);
}
