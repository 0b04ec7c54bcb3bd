import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '#shared/domain/money';
import type { AgingSummary } from '#shared/domain/agingViews';
import { bucketColors, largestBalances, tooltipLines, type ChartDatum } from './chartData';
import type { DrillFilter } from './agingStore';
import { groupLabel, rowFilter } from './groupLabel';
import { bucketLabel, useAgingT } from './i18n';

type TickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown } };

/** One line per name (recharts would wrap it into two cramped ones); the full name on hover. */
function NameTick({ x, y, payload }: TickProps) {
  const name = String(payload?.value ?? '');
  return (
    <text x={Number(x)} y={Number(y)} dy={4} textAnchor="end" fontSize={11} fill="#495057">
      <title>{name}</title>
      {name.length > 28 ? `${name.slice(0, 27)}…` : name}
    </text>
  );
}

/** The bar's buckets in bucket order, zeros left out (recharts' own tooltip lists every series). */
function BarTooltip({
  active,
  payload,
  labels,
  colors,
  money,
}: {
  active?: boolean;
  payload?: readonly { payload?: ChartDatum }[];
  labels: string[];
  colors: string[];
  money(v: number): string;
}) {
  const datum = payload?.[0]?.payload;
  if (!active || !datum) return null;
  return (
    <Paper withBorder shadow="sm" p="xs" fz="xs">
      <Text fw={600} fz="xs">
        {datum.name}
      </Text>
      {tooltipLines(datum.row, labels).map((l) => (
        <Group key={l.bucket} gap={6} justify="space-between" wrap="nowrap">
          <span>
            <span style={{ color: colors[l.bucket] }}>■</span> {l.label}
          </span>
          <span className="num">{money(l.amount)}</span>
        </Group>
      ))}
    </Paper>
  );
}

function CurrencyChart({ summary, currency, onDrill }: { summary: AgingSummary; currency: string; onDrill(f: DrillFilter): void }) {
  const { t, locale } = useAgingT();
  const { bars: data, rest } = largestBalances(summary, currency, (r) => groupLabel(r, summary.by, t));
  const colors = bucketColors(summary.buckets.length);
  const labels = summary.buckets.map((b) => bucketLabel(b, t));
  const money = (v: number) => formatMoney(v, currency, locale);
  const compact = (v: number) => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(v / 100);
  const height = 64 + data.length * 24;
  return (
    <Paper withBorder radius="md" p="sm" component="figure" m={0} aria-label={t('ui.agingv.chartTitle', { currency })}>
      <Text fw={600} size="sm" component="figcaption" mb={4}>
        {t('ui.agingv.chartTitle', { currency })}
      </Text>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 520, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={compact} fontSize={11} />
          <YAxis type="category" dataKey="name" width={190} interval={0} tick={(p: TickProps) => <NameTick {...p} />} />
          <Tooltip
            content={(p) => (
              <BarTooltip active={p.active} payload={p.payload as readonly { payload?: ChartDatum }[]} labels={labels} colors={colors} money={money} />
            )}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
          {summary.buckets.map((b, i) => (
            <Bar
              key={b}
              dataKey={`b${i}`}
              name={labels[i]}
              stackId="aging"
              fill={colors[i]}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(d: { payload?: ChartDatum }) => {
                const row = d.payload?.row;
                onDrill(row ? rowFilter(row, summary.by, t, i) : { currency, bucket: i });
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      {rest && (
        <Text size="xs" c="dimmed" data-testid={`chart-rest-${currency}`}>
          {t('ui.agingv.chartRest', { count: rest.count, amount: money(rest.total) })}
        </Text>
      )}
    </Paper>
  );
}

/** One chart per currency: a shared axis would put soles and dollars on one scale. */
export function AgingCharts({ summary, onDrill }: { summary: AgingSummary; onDrill(f: DrillFilter): void }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: Math.min(2, summary.totals.length) }} spacing="md">
      {summary.totals.map((tot) => (
        <CurrencyChart key={tot.currency} summary={summary} currency={tot.currency} onDrill={onDrill} />
      ))}
    </SimpleGrid>
  );
}
