import { Paper, SimpleGrid, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '#shared/domain/money';
import type { AgingSummary, AgingSummaryRow } from '#shared/domain/agingViews';
import type { DrillFilter } from './agingStore';
import { groupLabel, rowFilter } from './groupLabel';
import { bucketLabel, useAgingT } from './i18n';

/** Not yet due in teal, then warmer and darker with age; the legend and tooltip name each bucket. */
export const BUCKET_COLORS = ['#12b886', '#fcc419', '#fd7e14', '#e03131', '#9c36b5', '#343a40', '#000000'];
const TOP = 8;

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

type Datum = { name: string; row: AgingSummaryRow | null } & Record<string, number | string | AgingSummaryRow | null>;

/** The largest groups of one currency, the rest folded into "Others", as bars stacked by bucket. */
function chartData(summary: AgingSummary, currency: string, others: (n: number) => string, name: (r: AgingSummaryRow) => string): Datum[] {
  const rows = summary.rows.filter((r) => r.currency === currency).sort((a, b) => b.total - a.total);
  const top = rows.slice(0, TOP).map((r) => ({ name: name(r), row: r, ...Object.fromEntries(r.buckets.map((v, i) => [`b${i}`, v])) }));
  const rest = rows.slice(TOP);
  if (rest.length === 0) return top;
  const sums = summary.buckets.map((_, i) => rest.reduce((s, r) => s + (r.buckets[i] ?? 0), 0));
  return [...top, { name: others(rest.length), row: null, ...Object.fromEntries(sums.map((v, i) => [`b${i}`, v])) }];
}

function CurrencyChart({ summary, currency, onDrill }: { summary: AgingSummary; currency: string; onDrill(f: DrillFilter): void }) {
  const { t, locale } = useAgingT();
  const data = chartData(summary, currency, (n) => t('ui.agingv.chartOthers', { count: n }), (r) => groupLabel(r, summary.by, t));
  const money = (v: number) => formatMoney(v, currency, locale);
  const compact = (v: number) => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(v / 100);
  const height = 64 + data.length * 24;
  return (
    <Paper withBorder radius="md" p="sm" component="figure" m={0} aria-label={t('ui.agingv.chartTitle', { currency })}>
      <Text fw={600} size="sm" component="figcaption" mb={4}>{t('ui.agingv.chartTitle', { currency })}</Text>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 520, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={compact} fontSize={11} />
          <YAxis type="category" dataKey="name" width={190} interval={0} tick={(p: TickProps) => <NameTick {...p} />} />
          <Tooltip formatter={(v) => money(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
          {summary.buckets.map((b, i) => (
            <Bar
              key={b}
              dataKey={`b${i}`}
              name={bucketLabel(b, t)}
              stackId="aging"
              fill={BUCKET_COLORS[i % BUCKET_COLORS.length]}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(d: { payload?: Datum }) => {
                const row = d.payload?.row;
                onDrill(row ? rowFilter(row, summary.by, t, i) : { currency, bucket: i });
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
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
