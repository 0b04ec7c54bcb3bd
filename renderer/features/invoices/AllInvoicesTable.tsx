import { Anchor, Table, Text } from '@mantine/core';
import type { InvoiceListRow } from '#shared/contract/invoices';
import { DateText } from '../../components/DateText';
import { Money } from '../../components/Money';
import { ariaSort, SortHeader } from '../../components/SortHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { useFiguresT } from '../clients/figuresI18n';
import { openToday, PostDatedNote } from '../clients/PostDatedNote';
import { useInvoicesT } from './i18n';
import type { InvoiceSort } from './invoicesStore';

type Props = { rows: InvoiceListRow[]; today: string; sort: InvoiceSort; dir: 'asc' | 'desc'; onSort(s: InvoiceSort): void; onOpen(row: InvoiceListRow): void };

/** Whole days the open part is past due today; null when nothing is late (paid, voided, not yet due). */
export function daysOverdue(inv: Pick<InvoiceListRow, 'openAmount' | 'openToday' | 'voidedAt' | 'dueDate'>, today: string): number | null {
  if (openToday(inv) <= 0 || inv.voidedAt || inv.dueDate >= today) return null;
  return Math.round((Date.parse(today) - Date.parse(inv.dueDate)) / 86_400_000);
}

export function invoiceLabel(inv: { series: string; number: string }): string {
  return inv.series ? `${inv.series}-${inv.number}` : inv.number;
}

/** One page of invoices (at most 100 rows, so a plain table is fast); the number links to the client. */
export function AllInvoicesTable({ rows, today, sort, dir, onSort, onOpen }: Props) {
  const { t } = useInvoicesT();
  const { t: tf } = useFiguresT();
  const th = (key: InvoiceSort, label: string, right = false) => (
    <Table.Th aria-sort={ariaSort(sort === key, dir)} ta={right ? 'right' : undefined}>
      <SortHeader label={label} active={sort === key} dir={dir} onClick={() => onSort(key)} align={right ? 'right' : undefined} />
    </Table.Th>
  );
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" aria-label={t('ui.inv.title')}>
        <Table.Thead>
          <Table.Tr>
            {th('number', t('ui.invoice.number'))}
            <Table.Th>{t('ui.inv.client')}</Table.Th>
            {th('issueDate', t('ui.invoice.issueDate'))}
            {th('dueDate', t('ui.invoice.dueDate'))}
            {th('amount', t('ui.money.amount'), true)}
            {th('openAmount', t('ui.balance.open'), true)}
            {th('daysOverdue', tf('ui.fig.daysOverdue'), true)}
            <Table.Th>{t('ui.invoice.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((inv) => (
            <Table.Tr key={inv.id} data-testid="all-invoice-row" className="clickable-row" onClick={() => onOpen(inv)}>
              <Table.Td ff="monospace" className="nowrap">
                <Anchor
                  href={`#/clients/${inv.clientId}`}
                  aria-label={t('ui.inv.open', { number: invoiceLabel(inv), client: inv.clientName })}
                  onClick={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    onOpen(inv);
                  }}
                >
                  {invoiceLabel(inv)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate maw={260}>
                  {inv.clientName}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {inv.clientCode}
                </Text>
              </Table.Td>
              <Table.Td className="nowrap">
                <DateText date={inv.issueDate} />
              </Table.Td>
              <Table.Td className="nowrap">
                <DateText date={inv.dueDate} />
              </Table.Td>
              <Table.Td ta="right" className="nowrap">
                <Money cents={inv.amount} currency={inv.currency} />
              </Table.Td>
              <Table.Td ta="right" className="nowrap" fw={openToday(inv) ? 600 : undefined}>
                <Money cents={openToday(inv)} currency={inv.currency} />
                <PostDatedNote invoice={inv} />
              </Table.Td>
              <Table.Td ta="right" className="num nowrap" data-testid="days-overdue" c={daysOverdue(inv, today) ? 'red.8' : 'dimmed'}>
                {daysOverdue(inv, today) ?? '—'}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={inv.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
