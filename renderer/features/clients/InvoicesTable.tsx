import { Table, Text } from '@mantine/core';
import type { Invoice } from '#shared/contract/invoices';
import { useT } from '../../app/stores';
import { DateText } from '../../components/DateText';
import { Money } from '../../components/Money';
import { StatusBadge } from '../../components/StatusBadge';

export function InvoicesTable({ invoices }: { invoices: Invoice[] }) {
  const { t } = useT();
  if (invoices.length === 0) return <Text c="dimmed" size="sm" py="sm">{t('ui.invoice.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" aria-label={t('ui.client.invoices')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.invoice.number')}</Table.Th>
            <Table.Th>{t('ui.invoice.issueDate')}</Table.Th>
            <Table.Th>{t('ui.invoice.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('ui.money.amount')}</Table.Th>
            <Table.Th ta="right">{t('ui.balance.open')}</Table.Th>
            <Table.Th>{t('ui.invoice.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((inv) => (
            <Table.Tr key={inv.id} data-testid="invoice-row">
              <Table.Td ff="monospace">{inv.series ? `${inv.series}-${inv.number}` : inv.number}</Table.Td>
              <Table.Td><DateText date={inv.issueDate} /></Table.Td>
              <Table.Td><DateText date={inv.dueDate} /></Table.Td>
              <Table.Td ta="right"><Money cents={inv.amount} currency={inv.currency} /></Table.Td>
              <Table.Td ta="right" fw={inv.openAmount ? 600 : undefined}><Money cents={inv.openAmount} currency={inv.currency} /></Table.Td>
              <Table.Td><StatusBadge status={inv.status} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
