import { createStore } from 'zustand/vanilla';
import type { ApiError } from '#shared/contract/index';
import type { CompanySettings } from '#shared/contract/settings';
import type { SystemInfo } from '#shared/contract/system';
import { languageOf, type Language } from '#shared/i18n/index';
import { ApiClientError, call, errorMessage } from '../api/client';
import { initialLanguage, localeFor } from './locale';

export type SessionState = {
  status: 'loading' | 'ready' | 'error';
  settings: CompanySettings | null;
  info: SystemInfo | null;
  language: Language;
  /** BCP 47 locale used for Intl formatting */
  locale: string;
  /** set when the data file itself fails: the app shows only a full-screen explanation */
  fatal: ApiError | null;
  error: string | null;
  load(): Promise<void>;
  refreshInfo(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  settingsSaved(settings: CompanySettings): void;
  setFatal(error: ApiError): void;
};

/** App-wide state: company settings, language and the file's counts (first-run detection). */
export function createSessionStore() {
  return createStore<SessionState>()((set, get) => ({
    status: 'loading',
    settings: null,
    info: null,
    language: initialLanguage(),
    locale: localeFor(initialLanguage(), null),
    fatal: null,
    error: null,
    async load() {
      set({ status: 'loading', error: null });
      try {
        const [settings, info] = await Promise.all([call('settings.get', {}), call('system.info', {})]);
        // Settings never saved (first run): the OS language wins over the stored default.
        const language = settings.updatedAt ? languageOf(settings.locale) : get().language;
        set({ status: 'ready', settings, info, language, locale: localeFor(language, settings.country) });
      } catch (e) {
        set({ status: 'error', error: errorMessage(e, get().locale) });
      }
    },
    async refreshInfo() {
      try {
        set({ info: await call('system.info', {}) });
      } catch {
        // counts only steer the first-run hint; a failure here is not worth interrupting the user
      }
    },
    async setLanguage(language) {
      const before = { language: get().language, locale: get().locale };
      const locale = localeFor(language, get().settings?.country);
      set({ language, locale }); // switch at once; the write only makes it stick
      try {
        const settings = await call('settings.update', { locale });
        set({ settings });
      } catch (e) {
        if (!(e instanceof ApiClientError) || e.code !== 'database') set(before);
        throw e;
      }
    },
    settingsSaved(settings) {
      const language = languageOf(settings.locale);
      set({ settings, language, locale: localeFor(language, settings.country) });
    },
    setFatal(error) {
      set({ fatal: error });
    },
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
