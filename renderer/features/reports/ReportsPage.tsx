import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { diffDays } from '#shared/domain/dates';
import { todayIso } from '../../app/locale';
import { useStores } from '../../app/stores';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { KpiPanel } from './KpiPanel';
import { PeriodPicker } from './PeriodPicker';
import { TrendCharts } from './TrendChart';
import { periodOf, type Period } from './periods';
import { useReportsT } from './i18n';

/** KPIs of a period per currency, and the 12 month-ends before its end as a trend. */
export function ReportsPage() {
  const { t } = useReportsT();
  const store = useStores().reports;
  const { period, kpis, trend } = useStore(store);

  useEffect(() => {
    const s = store.getState();
    if (!s.period) {
      const p = periodOf('lastMonth', todayIso());
      void s.load(p);
      void s.loadTrend(p.to);
    }
  }, [store]);

  const change = (p: Period) => {
    const s = store.getState();
    void s.load(p);
    // the trend only moves when the period ends in another month
    if (p.to.slice(0, 7) !== s.period?.to.slice(0, 7)) void s.loadTrend(p.to);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('ui.rep.title')}</Title>
        {period && (
          <Text size="sm" c="dimmed">
            <DateText date={period.from} /> – <DateText date={period.to} /> · {t('ui.rep.days', { value: diffDays(period.from, period.to) + 1 })}
          </Text>
        )}
      </Group>
      {period && <PeriodPicker period={period} onChange={change} />}
      {kpis.status === 'error' ? (
        <ErrorState error={kpis.error} onRetry={() => period && void store.getState().load(period)} />
      ) : !kpis.data || kpis.status === 'loading' ? (
        <Loading />
      ) : kpis.data.currencies.length === 0 ? (
        <EmptyState title={t('ui.rep.emptyTitle')} icon="reports">
          {t('ui.rep.emptyBody')}
        </EmptyState>
      ) : (
        <Stack gap="md">
          <Text size="xs" c="dimmed">
            {t('ui.rep.howTo')}
          </Text>
          {kpis.data.currencies.map((f) => (
            <KpiPanel key={f.currency} figures={f} />
          ))}
        </Stack>
      )}
      {trend.status === 'error' ? (
        <ErrorState error={trend.error} onRetry={() => period && void store.getState().loadTrend(period.to)} />
      ) : trend.data ? (
        <TrendCharts trend={trend.data} />
      ) : (
        <Loading />
      )}
    </Stack>
  );
}
