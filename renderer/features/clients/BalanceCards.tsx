import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { CurrencyBalance } from '#shared/contract/clients';
import { useT } from '../../app/stores';
import { Money } from '../../components/Money';

/** One card per currency: open, overdue (with a symbol, not only red) and unapplied credit. */
export function BalanceCards({ balances }: { balances: CurrencyBalance[] }) {
  const { t } = useT();
  if (balances.length === 0) return <Text c="dimmed" size="sm">{t('ui.balance.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {balances.map((b) => (
        <Paper key={b.currency} withBorder p="sm" radius="md" data-testid={`balance-${b.currency}`}>
          <Text size="xs" c="dimmed" fw={600}>{b.currency}</Text>
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
          <Group justify="space-between">
            <Text size="sm">{t('ui.balance.credit')}</Text>
            <Money cents={b.credit} currency={b.currency} c={b.credit ? undefined : 'dimmed'} />
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
