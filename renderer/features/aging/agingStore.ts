import { createStore } from 'zustand/vanilla';
import type { AgingBasis, AgingBy, AgingSummary } from '#shared/domain/agingViews';
import { call } from '../../api/client';

/** What a drill-down filters on: a currency always (totals are never mixed), plus a group and/or bucket. */
export type DrillFilter = {
  currency: string;
  clientCode?: string;
  segment?: string | null;
  bucket?: number;
  /** what the user clicked, for the filter chips (client name, segment) */
  label?: string;
};

/** `bounds`: upper day limits of the buckets (0,30,60,90,120 when absent), as the core takes them. */
export type AgingQuery = { asOf: string; basis: AgingBasis; by: AgingBy; bounds?: number[] };

export type AgingState = {
  query: AgingQuery | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  summary: AgingSummary | null;
  drill: DrillFilter | null;
  /** loads the summary for the query (merged into the current one) */
  load(query: Partial<AgingQuery> & { asOf?: string }): Promise<void>;
  reload(): Promise<void>;
  drillDown(filter: DrillFilter): void;
  closeDrill(): void;
};

const DEFAULT_QUERY: Omit<AgingQuery, 'asOf'> = { basis: 'due', by: 'client' };

export function createAgingStore() {
  let generation = 0;
  return createStore<AgingState>()((set, get) => ({
    query: null,
    status: 'idle',
    error: null,
    summary: null,
    drill: null,
    async load(partial) {
      const prev = get().query;
      const asOf = partial.asOf ?? prev?.asOf;
      if (!asOf) return;
      const query: AgingQuery = { ...DEFAULT_QUERY, ...prev, ...partial, asOf };
      // a late answer for an older date must never overwrite the newer one
      const gen = ++generation;
      set({ query, status: 'loading', error: null });
      try {
        const summary = await call('aging.summary', query);
        if (gen === generation) set({ status: 'ready', summary });
      } catch (error) {
        if (gen === generation) set({ status: 'error', error });
      }
    },
    async reload() {
      const q = get().query;
      if (q) await get().load(q);
    },
    drillDown(filter) {
      set({ drill: filter });
    },
    closeDrill() {
      set({ drill: null });
    },
  }));
}

export type AgingStore = ReturnType<typeof createAgingStore>;
