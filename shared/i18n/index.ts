import { en, type MessageKey } from './en';
import { es } from './es';

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

/** Looks a key up in the locale's catalogue and fills `{name}` placeholders. Unknown keys come back as is. */
export function translate(locale: string, key: string, params?: Record<string, string | number>): string {
  const text = catalogues[languageOf(locale)][key] ?? en[key as MessageKey] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** For UIs that add their own catalogues on top of the shared one. */
export function mergeCatalogue(lang: Language, extra: Record<string, string>): void {
  Object.assign(catalogues[lang], extra);
}
