import { createStore } from 'zustand/vanilla';
import type { ClientDetail, ClientListRow } from '#shared/contract/clients';
import type { InputOf } from '#shared/contract/index';
import { call } from '../../api/client';

export const PAGE_SIZE = 200;

type ListInput = InputOf<'clients.list'>;
export type ClientSort = NonNullable<ListInput['sort']>;
export type ClientFilters = Pick<ListInput, 'segment' | 'currency' | 'overdueOnly' | 'doNotContact'>;

export type ClientsState = {
  search: string;
  filters: ClientFilters;
  sort: ClientSort;
  dir: 'asc' | 'desc';
  /** the currency chosen for balance sorts; undefined: the currency filter, else the company's */
  sortCurrency: string | undefined;
  /** the currency the core actually ranked by (null when the sort is not by balance) */
  sortedBy: string | null;
  segments: string[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  total: number;
  /** sparse by list position: pages arrive as the user scrolls through tens of thousands */
  rows: (ClientListRow | undefined)[];
  setSearch(search: string): Promise<void>;
  setFilters(change: Partial<ClientFilters>): Promise<void>;
  /** the same column again flips the direction; balance and days overdue start with the largest */
  sortBy(sort: ClientSort): Promise<void>;
  setSortCurrency(currency: string | undefined): Promise<void>;
  loadSegments(): Promise<void>;
  /** make sure rows [start, end] are loaded (called by the virtual list) */
  ensureRange(start: number, end: number): Promise<void>;
  refresh(): Promise<void>;
  create(input: InputOf<'clients.create'>): Promise<ClientDetail>;
};

/** The client list: one search at a time; answers to an older search are dropped. */
export function createClientsStore() {
  let generation = 0;
  const pending = new Set<number>();
  const loaded = new Set<number>();

  return createStore<ClientsState>()((set, get) => {
    async function fetchPage(page: number, gen: number): Promise<void> {
      if (loaded.has(page) || pending.has(page)) return;
      pending.add(page);
      try {
        const { filters, sort, dir, sortCurrency } = get();
        const search = get().search.trim();
        const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));
        const bySort = sortCurrency && (sort === 'balance' || sort === 'daysOverdue') ? { sortCurrency } : {};
        const res = await call('clients.list', { ...(search ? { search } : {}), ...given, ...bySort, sort, dir, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
        if (gen !== generation) return;
        loaded.add(page);
        const rows = get().rows.slice();
        rows.length = res.total;
        res.rows.forEach((r, i) => (rows[page * PAGE_SIZE + i] = r));
        set({ rows, total: res.total, sortedBy: res.sortCurrency ?? null, status: 'ready', error: null });
      } catch (error) {
        if (gen === generation) set({ status: 'error', error });
      } finally {
        pending.delete(page);
      }
    }

    function restart(search: string): Promise<void> {
      generation += 1;
      pending.clear();
      loaded.clear();
      // the old rows are of another query: drop them so no stale row shows under the new filter
      set({ search, status: 'loading', error: null, rows: [] });
      return fetchPage(0, generation);
    }

    return {
      search: '',
      filters: {},
      sort: 'name',
      dir: 'asc',
      sortCurrency: undefined,
      sortedBy: null,
      segments: [],
      status: 'idle',
      error: null,
      total: 0,
      rows: [],
      setSearch: (search) => restart(search),
      setFilters(change) {
        set({ filters: { ...get().filters, ...change } });
        return restart(get().search);
      },
      sortBy(sort) {
        const { sort: current, dir } = get();
        const firstDir = sort === 'balance' || sort === 'daysOverdue' ? 'desc' : 'asc';
        set({ sort, dir: current === sort ? (dir === 'asc' ? 'desc' : 'asc') : firstDir });
        return restart(get().search);
      },
      setSortCurrency(sortCurrency) {
        set({ sortCurrency });
        return restart(get().search);
      },
      async loadSegments() {
        try {
          set({ segments: await call('clients.segments', {}) });
        } catch {
          // the filter simply offers no segments; the list itself reports real failures
        }
      },
      async ensureRange(start, end) {
        const gen = generation;
        const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
        const last = Math.floor(Math.max(0, Math.min(end, get().total - 1)) / PAGE_SIZE);
        const work: Promise<void>[] = [];
        for (let p = first; p <= last; p++) work.push(fetchPage(p, gen));
        await Promise.all(work);
      },
      refresh: () => restart(get().search),
      async create(input) {
        const client = await call('clients.create', input);
        await restart(get().search);
        return client;
      },
    };
  });
}

export type ClientsStore = ReturnType<typeof createClientsStore>;
