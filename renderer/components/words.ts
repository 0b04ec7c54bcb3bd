import { translate } from '#shared/i18n/index';

/**
 * A stored code (channel, outcome, action…) in the user's words: its catalogue entry `prefix + code`,
 * or, for a code no catalogue knows yet, the code made readable ("paid_claimed" → "Paid claimed")
 * rather than hidden or shown raw.
 */
export function codeWord(locale: string, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  const text = translate(locale, key);
  if (text !== key) return text;
  const plain = code.replace(/[._]+/g, ' ').trim();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO instant (UTC) in the user's locale and this machine's time zone, e.g. "2 nov 2026, 10:30". */
export function formatInstantText(iso: string, locale: string): string {
  let f = instantFormats.get(locale);
  if (!f) instantFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}
