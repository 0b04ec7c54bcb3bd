import { createStore } from 'zustand/vanilla';
import { AUDIT_ENTITIES, type AuditRow } from '#shared/contract/audit';
import { call } from '../../api/client';

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export const AUDIT_PAGE = 50;

export type AuditState = {
  entity: AuditEntity | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  rows: AuditRow[];
  total: number;
  loadingMore: boolean;
  load(entity?: AuditEntity | null): Promise<void>;
  more(): Promise<void>;
  exportCsv(): Promise<{ csv: string; rows: number }>;
};

/** The most recent changes first, a page at a time (the log only grows). */
export function createAuditStore() {
  let generation = 0;
  return createStore<AuditState>()((set, get) => ({
    entity: null,
    status: 'idle',
    error: null,
    rows: [],
    total: 0,
    loadingMore: false,
    async load(entity = get().entity) {
      const gen = ++generation;
      set({ entity, status: 'loading', error: null });
      try {
        const res = await call('audit.list', { ...(entity ? { entity } : {}), limit: AUDIT_PAGE, offset: 0 });
        if (gen === generation) set({ status: 'ready', rows: res.rows, total: res.total });
      } catch (error) {
        if (gen === generation) set({ status: 'error', error });
      }
    },
    async more() {
      const { entity, rows } = get();
      const gen = generation;
      set({ loadingMore: true });
      try {
        const res = await call('audit.list', { ...(entity ? { entity } : {}), limit: AUDIT_PAGE, offset: rows.length });
        if (gen === generation) set({ rows: [...rows, ...res.rows], total: res.total });
      } finally {
        set({ loadingMore: false });
      }
    },
    exportCsv() {
      const { entity } = get();
      return call('audit.export', entity ? { entity } : {});
    },
  }));
}

export type AuditStore = ReturnType<typeof createAuditStore>;
