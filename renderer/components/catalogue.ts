import { mergeCatalogue, translate, type MessageKey } from '#shared/i18n/index';
import { useSession } from '../app/stores';
import type { UiKey } from '../i18n/en';

export type Params = Record<string, string | number>;

/**
 * A feature's own UI texts, merged into the shared catalogue on import. Spanish must have every English
 * key (the type says so), and the returned hook accepts the feature's keys plus the common ones.
 */
export function defineCatalogue<E extends Record<string, string>>(en: E, es: { [K in keyof E]: string }) {
  mergeCatalogue('en', en);
  mergeCatalogue('es', es);
  type Key = (keyof E & string) | UiKey | MessageKey;
  return function useCatalogueT(): { t: (key: Key, params?: Params) => string; locale: string } {
    const locale = useSession((s) => s.locale);
    return { t: (key, params) => translate(locale, key, params), locale };
  };
}
