import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { translate } from '#shared/i18n/index';
import { createSessionStore, type SessionState } from './session';
import { createRouterStore, type RouterState } from './router';
import { createClientsStore } from '../features/clients/clientsStore';
import { createClientDetailStore } from '../features/clients/detailStore';
import { createAgingStore } from '../features/aging/agingStore';
import { createImportStore } from '../features/imports/importStore';
import { createInvoicesStore } from '../features/invoices/invoicesStore';
import { createAgingDetailStore } from '../features/aging/detailStore';
import { createReportsStore } from '../features/reports/reportsStore';
import { createBackupsStore } from '../features/settings/backupsStore';
import { createAuditStore } from '../features/settings/auditStore';
import { createBooksStore } from '../features/books/booksStore';
import { createTodayStore } from '../features/today/todayStore';
import type { UiKey } from '../i18n/en';
import { refetchOnDataChange } from './refetch';
import type { MessageKey } from '#shared/i18n/index';
import '../i18n/index';

/** One store per feature, created together so tests get a fresh, isolated set. */
export function createAppStores(win?: Window | null) {
  return {
    session: createSessionStore(),
    router: createRouterStore(win),
    clients: createClientsStore(),
    clientDetail: createClientDetailStore(),
    aging: createAgingStore(),
    invoices: createInvoicesStore(),
    imports: createImportStore(),
    agingDetail: createAgingDetailStore(),
    reports: createReportsStore(),
    backups: createBackupsStore(),
    audit: createAuditStore(),
    books: createBooksStore(),
    today: createTodayStore(),
  };
}

export type AppStores = ReturnType<typeof createAppStores>;

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  // every open view follows every write, wherever it was made (import, demo, restore, any form)
  useEffect(() => refetchOnDataChange(stores), [stores]);
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider missing');
  return stores;
}

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(useStores().session, selector);
}

export function useRouter<T>(selector: (s: RouterState) => T): T {
  return useStore(useStores().router, selector);
}

export type TranslateFn = (key: UiKey | MessageKey, params?: Record<string, string | number>) => string;

/** `t(key, params)` in the current language, plus the Intl locale for formatting. */
export function useT(): { t: TranslateFn; locale: string } {
  const locale = useSession((s) => s.locale);
  return { t: (key, params) => translate(locale, key, params), locale };
}
