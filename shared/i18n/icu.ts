/**
 * The small part of ICU MessageFormat the catalogues use: `{name}` placeholders and
 * `{count, plural, =0 {…} one {# cliente} other {# clientes}}`, with the plural category chosen by
 * Intl.PluralRules for the locale and `#` written as the locale's number. Enough for "1 cliente" /
 * "2 clientes" without a message-format dependency; a key without braces costs one regex test.
 */
import { formatDate, isIsoDate } from '../domain/dates';

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rules(locale: string): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

function formatCount(locale: string, n: number): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

/** Index just past the `}` that closes the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** `=0 {…} one {…} other {…}` → { '=0': '…', one: '…', other: '…' }. */
function parseOptions(body: string): Record<string, string> {
  const options: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m || !m[1]) break;
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    if (end < 0) break;
    options[m[1]] = body.slice(open + 1, end - 1);
    i = end;
  }
  return options;
}

function pluralBranch(locale: string, n: number, options: Record<string, string>): string {
  const exact = options[`=${n}`];
  if (exact !== undefined) return exact;
  return options[rules(locale).select(n)] ?? options.other ?? '';
}

/**
 * A parameter as it reads inside a sentence: business dates (YYYY-MM-DD) in the locale ("31/10/2026"),
 * so no message says "Al 2026-10-31". `value` is what the user typed, quoted back as typed.
 */
function show(locale: string, name: string, v: string | number): string {
  if (typeof v === 'string' && name !== 'value' && isIsoDate(v)) return formatDate(v, locale);
  return String(v);
}

/** Fills plural blocks first (they may contain placeholders), then plain `{name}` placeholders. */
export function formatMessage(locale: string, text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  let out = text;
  for (let start = out.search(/\{\w+,\s*plural,/); start >= 0; start = out.search(/\{\w+,\s*plural,/)) {
    const end = closing(out, start);
    if (end < 0) break;
    const head = /^\{(\w+),\s*plural,/.exec(out.slice(start));
    const name = head?.[1] ?? '';
    const raw = params[name];
    const n = typeof raw === 'number' ? raw : Number(raw);
    const body = out.slice(start + (head?.[0].length ?? 0), end - 1);
    // A count passed already formatted ("5,012") cannot be read back: it takes the `other` form as is.
    const options = parseOptions(body);
    const branch =
      typeof raw === 'number' || (raw !== undefined && Number.isFinite(n) && /^-?\d+$/.test(raw))
        ? pluralBranch(locale, n, options).replace(/#/g, formatCount(locale, n))
        : (options.other ?? '').replace(/#/g, String(raw ?? ''));
    out = out.slice(0, start) + branch + out.slice(end);
  }
  return out.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? show(locale, name, params[name] ?? '') : m));
}
