import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatMoney } from '#shared/domain/money';
import type { KpiFigures } from '#shared/domain/kpiReport';
import { KpiTile } from './KpiTile';
import { useReportsT, type ReportsT } from './i18n';

type Kind = 'days' | 'pct' | 'money';
const FIGURES: { key: keyof KpiFigures['explain']; kind: Kind }[] = [
  { key: 'dsoSimple', kind: 'days' },
  { key: 'dsoCountback', kind: 'days' },
  { key: 'bestPossibleDso', kind: 'days' },
  { key: 'add', kind: 'days' },
  { key: 'cei', kind: 'pct' },
  { key: 'currentPct', kind: 'pct' },
  { key: 'over90Pct', kind: 'pct' },
  { key: 'collected', kind: 'money' },
  { key: 'promiseKeptRate', kind: 'pct' },
];

function display(f: KpiFigures, key: keyof KpiFigures['explain'], kind: Kind, t: ReportsT, locale: string): string {
  if (kind === 'money') return formatMoney(f.collected, f.currency, locale);
  const v = f[key] as number | null;
  if (v === null) return t('ui.rep.na');
  const n = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  const text = t(kind === 'days' ? 'ui.rep.days' : 'ui.rep.pct', { value: n });
  // the countback ran out of sales history: the true figure is at least this
  return key === 'dsoCountback' && f.countbackExhausted ? `${t('ui.rep.atLeast')} ${text}` : text;
}

/** Every KPI of one currency, each with the variant it is and an explanation on hover/focus. */
export function KpiPanel({ figures }: { figures: KpiFigures }) {
  const { t, locale } = useReportsT();
  const m = (v: number) => formatMoney(v, figures.currency, locale);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('ui.rep.kpisIn', { currency: figures.currency })}>
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('ui.rep.kpisIn', { currency: figures.currency })}</Title>
          <Text size="sm" c="dimmed" className="num">
            {t('ui.rep.inputs', { begin: m(figures.arBegin), end: m(figures.arEnd), sales: m(figures.creditSales) })}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, sm: 3, xl: 5 }} spacing="sm">
          {FIGURES.map(({ key, kind }) => (
            <KpiTile
              key={key}
              testId={`kpi-${figures.currency}-${key}`}
              label={t(`ui.rep.kpi.${key}`)}
              value={display(figures, key, kind, t, locale)}
              variant={t(`ui.rep.kpi.${key}.variant`, { kept: figures.promisesKept, due: figures.promisesDue })}
              explain={figures.explain[key]}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
