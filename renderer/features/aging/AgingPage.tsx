import { Button, Group, Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { todayIso } from '../../app/locale';
import { useRouter, useStores } from '../../app/stores';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { AgingCharts } from './AgingChart';
import { AgingControls } from './AgingControls';
import { AgingDetailView, FilterChips } from './AgingDetailView';
import { AgingExport } from './AgingExport';
import { AgingSummaryTables } from './AgingSummaryTables';
import type { AgingQuery, DrillFilter } from './agingStore';
import { drillFromQuery, drillToQuery } from './drillRoute';
import { bucketLabel, useAgingT } from './i18n';

/**
 * Aging as of a date: per-currency summary tables and charts; a click on a group or a bucket drills
 * down to its invoices. The drill-down is a route ('#/aging/detail?…'), so Back from a client opened
 * in it returns to it; the store mirrors the route, so changing the date keeps it open.
 */
export function AgingPage() {
  const { t } = useAgingT();
  const stores = useStores();
  const { status, error, summary, query, drill } = useStore(stores.aging);
  const drillQuery = useRouter((s) => (s.route.area === 'aging' ? s.route.drill : undefined));

  // the route is the truth for which drill-down is open
  useEffect(() => {
    const f = drillQuery ? drillFromQuery(drillQuery) : null;
    const current = stores.aging.getState().drill;
    if (!f) return void (current && stores.aging.getState().closeDrill());
    if (!current || drillToQuery(current) !== drillToQuery(f)) {
      stores.agingDetail.setState({ params: null });
      stores.aging.getState().drillDown(f);
    }
  }, [drillQuery, stores.aging, stores.agingDetail]);

  useEffect(() => {
    if (!stores.aging.getState().query) void stores.aging.getState().load({ asOf: todayIso() });
  }, [stores.aging]);

  // the detail follows the date and basis; a new drill starts with the oldest debts first
  useEffect(() => {
    if (!drill || !query) return;
    const { label: _label, ...filter } = drill;
    const prev = stores.agingDetail.getState().params;
    void stores.agingDetail.getState().open({
      asOf: query.asOf,
      basis: query.basis,
      ...(query.bounds ? { bounds: query.bounds } : {}),
      ...filter,
      sort: prev?.sort ?? 'days',
      dir: prev?.dir ?? 'desc',
    });
  }, [drill, query, stores.agingDetail]);

  // Escape goes back from the drill-down, as Back would
  useEffect(() => {
    if (!drill) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && stores.router.getState().go({ area: 'aging' });
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drill, stores.router]);

  const change = (q: Partial<AgingQuery>) => void stores.aging.getState().load(q);
  const drillDown = (f: DrillFilter) => stores.router.getState().go({ area: 'aging', drill: drillToQuery(f) });
  const back = () => stores.router.getState().go({ area: 'aging' });
  const names = (summary?.buckets ?? []).map((b) => bucketLabel(b, t));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={2}>{drill ? t('ui.agingv.detailTitle') : t('ui.nav.aging')}</Title>
          {drill && <FilterChips drill={drill} names={names} />}
        </Group>
        <Group gap="xs">
          {drill && (
            <Button size="xs" variant="subtle" onClick={back} aria-keyshortcuts="Escape">
              {t('ui.agingv.back')}
            </Button>
          )}
          {query && summary && summary.totals.length > 0 && <AgingExport query={query} drill={drill} />}
        </Group>
      </Group>
      {query && <AgingControls query={query} onChange={change} showBy={!drill} />}
      {drill ? (
        <AgingDetailView onBack={back} />
      ) : status === 'error' ? (
        <ErrorState error={error} onRetry={() => void stores.aging.getState().reload()} />
      ) : !summary || status === 'loading' ? (
        <Loading />
      ) : summary.totals.length === 0 ? (
        <EmptyState title={t('ui.aging.emptyTitle')} icon="reports">
          {t('ui.aging.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <AgingCharts summary={summary} onDrill={drillDown} />
          <AgingSummaryTables summary={summary} onDrill={drillDown} />
        </>
      )}
    </Stack>
  );
}
