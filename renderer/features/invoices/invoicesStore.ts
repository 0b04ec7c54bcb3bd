import { createStore } from 'zustand/vanilla';
import type { InputOf } from '#shared/contract/index';
import type { InvoiceListRow } from '#shared/contract/invoices';
import { call } from '../../api/client';

export const INVOICE_PAGE_SIZE = 100;
export const INVOICE_STATUSES = ['open', 'overdue', 'unpaid', 'paid', 'disputed', 'voided'] as const;

type ListInput = InputOf<'invoices.list'>;
export type InvoiceSort = NonNullable<ListInput['sort']>;
export type InvoiceFilters = Pick<ListInput, 'search' | 'status' | 'currency' | 'issuedFrom' | 'issuedTo'>;

export type InvoicesState = {
  filters: InvoiceFilters;
  sort: InvoiceSort;
  dir: 'asc' | 'desc';
  page: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  rows: InvoiceListRow[];
  total: number;
  setFilters(change: Partial<InvoiceFilters>): Promise<void>;
  /** the same column again flips the direction, as in a spreadsheet */
  sortBy(sort: InvoiceSort): Promise<void>;
  setPage(page: number): Promise<void>;
  refresh(): Promise<void>;
};

/** All invoices across clients, a page at a time; filters and sorting are done by the core. */
export function createInvoicesStore() {
  let generation = 0;
  return createStore<InvoicesState>()((set, get) => {
    async function load(): Promise<void> {
      const gen = ++generation;
      const { filters, sort, dir, page } = get();
      set({ status: 'loading', error: null });
      const input: ListInput = { sort, dir, limit: INVOICE_PAGE_SIZE, offset: page * INVOICE_PAGE_SIZE };
      for (const [k, v] of Object.entries(filters)) if (v) (input as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() || undefined : v;
      try {
        const res = await call('invoices.list', input);
        if (gen === generation) set({ status: 'ready', rows: res.rows, total: res.total });
      } catch (error) {
        if (gen === generation) set({ status: 'error', error });
      }
    }
    return {
      filters: {},
      // the clerk's question first: what is most overdue (issue 9)
      sort: 'daysOverdue',
      dir: 'desc',
      page: 0,
      status: 'idle',
      error: null,
      rows: [],
      total: 0,
      setFilters(change) {
        set({ filters: { ...get().filters, ...change }, page: 0 });
        return load();
      },
      sortBy(sort) {
        const same = get().sort === sort;
        // days overdue starts with the most overdue; the others as in a spreadsheet
        const first = sort === 'daysOverdue' ? 'desc' : 'asc';
        set({ sort, dir: same ? (get().dir === 'asc' ? 'desc' : 'asc') : first, page: 0 });
        return load();
      },
      setPage(page) {
        set({ page });
        return load();
      },
      refresh: load,
    };
  });
}

export type InvoicesStore = ReturnType<typeof createInvoicesStore>;
