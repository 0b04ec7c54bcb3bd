import { Table, Text } from '@mantine/core';
import type { Invoice } from '#shared/contract/invoices';
import { formatDate } from '#shared/domain/dates';
import { useT } from '../../app/stores';
import { DateText } from '../../components/DateText';
import { Money } from '../../components/Money';
import { StatusBadge } from '../../components/StatusBadge';
import { invoiceLabel } from '../invoices/AllInvoicesTable';
import { useClientsT } from './i18n';
import { InvoiceActions, type InvoiceAction } from './InvoiceActions';
import { openToday, PostDatedNote } from './PostDatedNote';

export function InvoicesTable({ invoices, onAction }: { invoices: Invoice[]; onAction?(inv: Invoice, a: InvoiceAction): void }) {
  const { t: tu } = useT();
  const { t, locale } = useClientsT();
  if (invoices.length === 0)
    return (
      <Text c="dimmed" size="sm" py="sm">
        {tu('ui.invoice.none')}
      </Text>
    );
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
            {onAction && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((inv) => (
            <Table.Tr key={inv.id} data-testid="invoice-row">
              <Table.Td ff="monospace" className="nowrap">
                {invoiceLabel(inv)}
              </Table.Td>
              <Table.Td>
                <DateText date={inv.issueDate} />
              </Table.Td>
              <Table.Td>
                <DateText date={inv.dueDate} />
              </Table.Td>
              <Table.Td ta="right">
                <Money cents={inv.amount} currency={inv.currency} />
              </Table.Td>
              <Table.Td ta="right" fw={openToday(inv) ? 600 : undefined}>
                <Money cents={openToday(inv)} currency={inv.currency} />
                <PostDatedNote invoice={inv} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={inv.status} />
                {inv.receiptConfirmedOn && (
                  <Text size="xs" c="dimmed">
                    {t('ui.cl.inv.received', { date: formatDate(inv.receiptConfirmedOn, locale) })}
                  </Text>
                )}
              </Table.Td>
              {onAction && (
                <Table.Td>
                  <InvoiceActions invoice={inv} onAction={onAction} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
