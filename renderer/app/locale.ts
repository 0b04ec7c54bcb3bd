import { languageOf, type Language } from '#shared/i18n/index';

/** Latin-American countries we format for in Spanish; others fall back to Peru's conventions. */
const SPANISH_COUNTRIES = ['PE', 'MX', 'CO', 'CL', 'AR', 'EC', 'BO', 'UY', 'PY', 'VE', 'CR', 'GT', 'DO', 'PA', 'ES'];

/** The BCP 47 locale for a language in the company's country: es + PE → es-PE, en → en-US (or en-GB). */
export function localeFor(language: Language, country: string | null | undefined): string {
  const c = (country ?? '').toUpperCase();
  if (language === 'en') return c === 'GB' ? 'en-GB' : 'en-US';
  return `es-${SPANISH_COUNTRIES.includes(c) ? c : 'PE'}`;
}

/** First run: the OS/browser language decides (navigator.language in Electron reflects the OS). */
export function initialLanguage(): Language {
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'es';
  return languageOf(nav);
}

/** The decimal mark of a locale, e.g. es-PE '.', es-CO ','. */
export function decimalMark(locale: string): '.' | ',' {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/** Today's calendar date on this machine, YYYY-MM-DD. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
