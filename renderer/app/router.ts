import { createStore } from 'zustand/vanilla';

export const AREAS = ['today', 'clients', 'invoices', 'aging', 'plans', 'letters', 'reports', 'settings'] as const;
export type Area = (typeof AREAS)[number];

/**
 * `view: 'import'` is the import wizard, reachable from Clients and Invoices ('#/clients/import').
 * `drill` is an aging drill-down's filter as a query string ('#/aging/detail?currency=PEN&bucket=5').
 */
export type Route = { area: Area; clientId?: number; view?: 'import'; drill?: string };

/** '#/clients/12' → { area: 'clients', clientId: 12 }; anything unknown → Today. */
export function parseHash(hash: string): Route {
  const [area, id] = hash.replace(/^#\/?/, '').split('/');
  if (!AREAS.includes(area as Area)) return { area: 'today' };
  if (area === 'aging' && id?.startsWith('detail?')) return { area, drill: id.slice('detail?'.length) };
  if (id === 'import' && (area === 'clients' || area === 'invoices')) return { area, view: 'import' };
  const clientId = area === 'clients' && id && /^\d+$/.test(id) ? Number(id) : undefined;
  return clientId ? { area: 'clients', clientId } : { area: area as Area };
}

export function hashOf(route: Route): string {
  if (route.drill) return `#/${route.area}/detail?${route.drill}`;
  return `#/${route.area}${route.clientId ? `/${route.clientId}` : route.view ? `/${route.view}` : ''}`;
}

export type RouterState = { route: Route; go(route: Route): void };

/** Hash routes: they work from file:// in Electron and over HTTP alike, and Back behaves. */
export function createRouterStore(win: Window | null = typeof window === 'undefined' ? null : window) {
  const store = createStore<RouterState>()((set) => ({
    route: win ? parseHash(win.location.hash) : { area: 'today' },
    go(route) {
      set({ route });
      if (win && win.location.hash !== hashOf(route)) win.location.hash = hashOf(route);
    },
  }));
  win?.addEventListener('hashchange', () => store.setState({ route: parseHash(win.location.hash) }));
  return store;
}

export type RouterStore = ReturnType<typeof createRouterStore>;
