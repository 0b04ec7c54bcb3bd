import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { Payment } from '#shared/contract/payments';
import { useT } from '../../app/stores';
import { DateText } from '../../components/DateText';
import { Money } from '../../components/Money';
import { useClientsT } from './i18n';

export function PaymentsTable({ payments, onVoid, onApplyCredit }: { payments: Payment[]; onVoid(p: Payment): void; onApplyCredit?(p: Payment): void }) {
  const { t } = useT();
  const { t: tc } = useClientsT();
  if (payments.length === 0)
    return (
      <Text c="dimmed" size="sm" py="sm">
        {t('ui.payment.none')}
      </Text>
    );
  const methodLabel = (m: string) => (m in METHOD_KEYS ? t(`ui.method.${m as keyof typeof METHOD_KEYS}`) : m);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" aria-label={t('ui.client.payments')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.payment.date')}</Table.Th>
            <Table.Th>{t('ui.payment.method')}</Table.Th>
            <Table.Th>{t('ui.payment.reference')}</Table.Th>
            <Table.Th>{t('ui.payment.appliedTo')}</Table.Th>
            <Table.Th ta="right">{t('ui.money.amount')}</Table.Th>
            <Table.Th ta="right">{t('ui.balance.credit')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((p) => (
            <Table.Tr key={p.id} data-testid="payment-row" c={p.voidedAt ? 'dimmed' : undefined}>
              <Table.Td>
                <DateText date={p.date} />
              </Table.Td>
              <Table.Td>{methodLabel(p.method)}</Table.Td>
              <Table.Td>{p.reference ?? ''}</Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {p.allocations.map((a) => a.invoiceNumber).join(', ')}
              </Table.Td>
              <Table.Td ta="right" td={p.voidedAt ? 'line-through' : undefined}>
                <Money cents={p.amount} currency={p.currency} />
              </Table.Td>
              <Table.Td ta="right">{p.unapplied ? <Money cents={p.unapplied} currency={p.currency} /> : '—'}</Table.Td>
              <Table.Td ta="right">
                {p.voidedAt ? (
                  <Badge color="gray" variant="light" title={p.voidReason ?? ''}>
                    ⊘ {t('ui.payment.voided')}
                  </Badge>
                ) : (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {onApplyCredit && p.unapplied > 0 && (
                      <Button size="compact-xs" variant="light" onClick={() => onApplyCredit(p)}>
                        {tc('ui.cl.pay.apply')}
                      </Button>
                    )}
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onVoid(p)}>
                      {t('ui.payment.void')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const METHOD_KEYS = { transfer: 1, cash: 1, card: 1, cheque: 1, yape: 1, plin: 1, deposit: 1, other: 1 } as const;
