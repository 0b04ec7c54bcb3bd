import { createStore } from 'zustand/vanilla';
import type { KpiReport, KpiTrend } from '#shared/domain/kpiReport';
import { call } from '../../api/client';
import type { Period } from './periods';

type Load<T> = { status: 'idle' | 'loading' | 'ready' | 'error'; error: unknown; data: T | null };

export type ReportsState = {
  period: Period | null;
  basis: 'due' | 'issue';
  kpis: Load<KpiReport>;
  trend: Load<KpiTrend>;
  load(period: Period, basis?: 'due' | 'issue'): Promise<void>;
  loadTrend(asOf: string): Promise<void>;
  /** loads again what was loaded (after a data change); nothing if the screen was never opened */
  refresh(): Promise<void>;
};

const idle = { status: 'idle', error: null, data: null } as const;

export function createReportsStore() {
  let kpiGen = 0;
  let trendGen = 0;
  let trendAsOf: string | null = null;
  return createStore<ReportsState>()((set, get) => ({
    period: null,
    basis: 'due',
    kpis: idle,
    trend: idle,
    async load(period, basis = get().basis) {
      const gen = ++kpiGen;
      set({ period, basis, kpis: { ...get().kpis, status: 'loading', error: null } });
      try {
        const data = await call('kpis.report', { from: period.from, to: period.to, basis });
        if (gen === kpiGen) set({ kpis: { status: 'ready', error: null, data } });
      } catch (error) {
        if (gen === kpiGen) set({ kpis: { status: 'error', error, data: null } });
      }
    },
    async loadTrend(asOf) {
      trendAsOf = asOf;
      const gen = ++trendGen;
      set({ trend: { ...get().trend, status: 'loading', error: null } });
      try {
        const data = await call('kpis.trend', { asOf, months: 12 });
        if (gen === trendGen) set({ trend: { status: 'ready', error: null, data } });
      } catch (error) {
        if (gen === trendGen) set({ trend: { status: 'error', error, data: null } });
      }
    },
    async refresh() {
      const { period } = get();
      await Promise.all([period ? get().load(period) : null, trendAsOf ? get().loadTrend(trendAsOf) : null]);
    },
  }));
}

export type ReportsStore = ReturnType<typeof createReportsStore>;
