import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { CurrencyBalance } from '#shared/contract/clients';
import { formatDate } from '#shared/domain/dates';
import { formatMoney } from '#shared/domain/money';
import { Money } from '../../components/Money';
import { useFiguresT } from './figuresI18n';

/**
 * One card per currency, as of today by the aging rule: open, overdue (with a symbol, not only red),
 * the disputed part apart (not overdue), unapplied credit, and post-dated payments apart with their date.
 */
export function BalanceCards({ balances }: { balances: CurrencyBalance[] }) {
  const { t, locale } = useFiguresT();
  if (balances.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('ui.balance.none')}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {balances.map((b) => (
        <Paper key={b.currency} withBorder p="sm" radius="md" data-testid={`balance-${b.currency}`}>
          <Text size="xs" c="dimmed" fw={600}>
            {b.currency}
          </Text>
          <Group justify="space-between" mt={4}>
            <Text size="sm">{t('ui.balance.open')}</Text>
            <Money cents={b.open} currency={b.currency} fw={700} fz="lg" data-testid="balance-open" />
          </Group>
          <Group justify="space-between">
            <Text size="sm" c={b.overdue > 0 ? 'red.8' : undefined}>
              {b.overdue > 0 && <span aria-hidden>⚠ </span>}
              {t('ui.balance.overdue')}
              {b.overdue > 0 && ` · ${t('ui.balance.maxDays', { days: b.maxDaysOverdue })}`}
            </Text>
            <Money cents={b.overdue} currency={b.currency} c={b.overdue > 0 ? 'red.8' : 'dimmed'} fw={b.overdue > 0 ? 600 : undefined} />
          </Group>
          {b.disputed > 0 && (
            <Group justify="space-between" title={t('ui.fig.disputedHint')} data-testid="balance-disputed">
              <Text size="sm">{t('ui.fig.disputed')}</Text>
              <Money cents={b.disputed} currency={b.currency} />
            </Group>
          )}
          <Group justify="space-between">
            <Text size="sm">{t('ui.balance.credit')}</Text>
            <Money cents={b.credit} currency={b.currency} c={b.credit ? undefined : 'dimmed'} />
          </Group>
          {b.postDated.map((p) => (
            <Text key={p.date} size="xs" c="dimmed" mt={2} title={t('ui.fig.postDatedHint')} data-testid="balance-postdated" className="num">
              {t('ui.fig.postDated', { amount: formatMoney(p.amount, b.currency, locale), date: formatDate(p.date, locale) })}
            </Text>
          ))}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
