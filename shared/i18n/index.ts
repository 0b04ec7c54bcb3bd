import { en, type MessageKey } from './en';
import { es } from './es';
import { formatMessage } from './icu';

export type { MessageKey } from './en';
export type Language = 'es' | 'en';
export const LANGUAGES: readonly Language[] = ['es', 'en'];

const catalogues: Record<Language, Record<string, string>> = { en, es };

/** 'es-PE' → 'es'; anything we do not speak falls back to Spanish, the main market's language. */
export function languageOf(locale: string | null | undefined): Language {
  const lang = (locale ?? '').slice(0, 2).toLowerCase();
  return lang === 'en' ? 'en' : 'es';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * Looks a key up in the locale's catalogue and fills `{name}` placeholders and ICU plural blocks
 * (`{count, plural, one {…} other {…}}`, see icu.ts). Unknown keys come back as is.
 */
export function translate(locale: string, key: string, params?: Record<string, string | number>): string {
  const text = catalogues[languageOf(locale)][key] ?? en[key as MessageKey] ?? key;
  return formatMessage(locale, text, params);
}

/** Every key and text of a language's catalogue (shared and merged UI texts), for catalogue-wide tests. */
export function catalogueEntries(lang: Language): [string, string][] {
  return Object.entries(catalogues[lang]);
}

/** For UIs that add their own catalogues on top of the shared one. */
export function mergeCatalogue(lang: Language, extra: Record<string, string>): void {
  Object.assign(catalogues[lang], extra);
}
