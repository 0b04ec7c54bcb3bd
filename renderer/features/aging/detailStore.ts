import { createStore } from 'zustand/vanilla';
import type { AgingDetail, AgingDetailRow } from '#shared/domain/agingViews';
import type { AGING_DETAIL_SORTS } from '#shared/contract/reports';
import { call } from '../../api/client';
import type { AgingQuery, DrillFilter } from './agingStore';

export type DetailSort = (typeof AGING_DETAIL_SORTS)[number];
export const PAGE = 500;

export type DetailParams = Omit<AgingQuery, 'by'> & Omit<DrillFilter, 'label'> & { sort: DetailSort; dir: 'asc' | 'desc' };

export type AgingDetailState = {
  params: DetailParams | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  head: Omit<AgingDetail, 'rows'> | null;
  /** sparse: index → row; pages arrive as the list scrolls to them */
  rows: (AgingDetailRow | undefined)[];
  open(params: DetailParams): Promise<void>;
  /** makes sure the rows first..last are loaded (or loading) */
  ensureRange(first: number, last: number): Promise<void>;
};

/**
 * The drill-down list, paged from the core 500 rows at a time so 100,000 invoices never travel (or sit
 * in the DOM) at once; the virtual list asks for the pages it is about to show.
 */
export function createAgingDetailStore() {
  let generation = 0;
  let pending = new Set<number>();

  async function fetchPage(params: DetailParams, page: number, gen: number) {
    const detail = await call('aging.detail', { ...params, limit: PAGE, offset: page * PAGE });
    return gen === generation ? detail : null;
  }

  return createStore<AgingDetailState>()((set, get) => ({
    params: null,
    status: 'idle',
    error: null,
    head: null,
    rows: [],
    async open(params) {
      const gen = ++generation;
      pending = new Set([0]);
      set({ params, status: 'loading', error: null, rows: [], head: null });
      try {
        const detail = await fetchPage(params, 0, gen);
        if (!detail) return;
        const { rows, ...head } = detail;
        set({ status: 'ready', head, rows });
      } catch (error) {
        if (gen === generation) set({ status: 'error', error });
      }
    },
    async ensureRange(first, last) {
      const { params, head, status } = get();
      if (!params || !head || status !== 'ready') return;
      const gen = generation;
      const pages: number[] = [];
      for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.min(last, head.totalRows - 1) / PAGE); p++) {
        if (!pending.has(p)) pages.push(p);
      }
      await Promise.all(
        pages.map(async (p) => {
          pending.add(p);
          try {
            const detail = await fetchPage(params, p, gen);
            if (!detail) return;
            const rows = get().rows.slice();
            detail.rows.forEach((r, i) => (rows[p * PAGE + i] = r));
            set({ rows });
          } catch (error) {
            pending.delete(p);
            if (gen === generation) set({ status: 'error', error });
          }
        }),
      );
    },
  }));
}

export type AgingDetailStore = ReturnType<typeof createAgingDetailStore>;
