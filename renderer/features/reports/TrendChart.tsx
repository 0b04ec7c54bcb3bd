import { Paper, SimpleGrid, Text } from '@mantine/core';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '#shared/domain/money';
import type { KpiTrend, KpiTrendCurrency } from '#shared/domain/kpiReport';
import { useReportsT } from './i18n';

function monthLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** AR at each month-end split into not-yet-due and overdue (stacked), with DSO on its own axis. */
function CurrencyTrend({ monthEnds, c }: { monthEnds: string[]; c: KpiTrendCurrency }) {
  const { t, locale } = useReportsT();
  const data = monthEnds.map((d, i) => ({
    month: monthLabel(d, locale),
    current: (c.ar[i] ?? 0) - (c.overdue[i] ?? 0),
    overdue: c.overdue[i] ?? 0,
    dso: c.dsoSimple[i],
  }));
  const compact = (v: number) => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(v / 100);
  const names = { current: t('ui.rep.trendCurrent'), overdue: t('ui.rep.trendOverdue'), dso: t('ui.rep.trendDso') };
  return (
    <Paper withBorder radius="md" p="sm" component="figure" m={0}>
      <Text fw={600} size="sm" component="figcaption" mb={4}>
        {t('ui.rep.trendTitle', { currency: c.currency })}
      </Text>
      <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 520, height: 260 }}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="month" fontSize={11} />
          <YAxis yAxisId="money" tickFormatter={compact} fontSize={11} width={52} />
          <YAxis yAxisId="days" orientation="right" fontSize={11} width={36} />
          <Tooltip
            formatter={(v, name) =>
              name === names.dso
                ? v === null || v === undefined
                  ? t('ui.rep.na')
                  : t('ui.rep.days', { value: String(v) })
                : formatMoney(Number(v), c.currency, locale)
            }
          />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
          <Bar yAxisId="money" dataKey="current" name={names.current} stackId="ar" fill="#12b886" isAnimationActive={false} />
          <Bar yAxisId="money" dataKey="overdue" name={names.overdue} stackId="ar" fill="#f03e3e" isAnimationActive={false} />
          <Line yAxisId="days" dataKey="dso" name={names.dso} stroke="#1c7ed6" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </Paper>
  );
}

export function TrendCharts({ trend }: { trend: KpiTrend }) {
  const { t } = useReportsT();
  if (trend.currencies.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('ui.rep.trendEmpty')}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, lg: Math.min(2, trend.currencies.length) }} spacing="md">
      {trend.currencies.map((c) => (
        <CurrencyTrend key={c.currency} monthEnds={trend.monthEnds} c={c} />
      ))}
    </SimpleGrid>
  );
}
