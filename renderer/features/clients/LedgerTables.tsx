import { Badge, Button, Table, Text } from '@mantine/core';
import type { CreditNote, Dispute, Invoice } from '#shared/contract/invoices';
import { DateText } from '../../components/DateText';
import { Money } from '../../components/Money';
import { useClientsT } from './i18n';
import { LongText } from '../../components/LongText';

/** Credit notes of the client; a voided one stays listed, struck through, with its reason as tooltip. */
export function CreditNotesTable({ notes, onVoid }: { notes: CreditNote[]; onVoid(n: CreditNote): void }) {
  const { t } = useClientsT();
  if (notes.length === 0)
    return (
      <Text c="dimmed" size="sm" py="sm">
        {t('ui.cl.empty.creditNotes')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped verticalSpacing={6} fz="sm" aria-label={t('ui.cl.tab.creditNotes')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.invoice.number')}</Table.Th>
            <Table.Th>{t('ui.cl.cn.invoice')}</Table.Th>
            <Table.Th>{t('ui.payment.date')}</Table.Th>
            <Table.Th ta="right">{t('ui.money.amount')}</Table.Th>
            <Table.Th>{t('ui.payment.voidReason')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {notes.map((n) => (
            <Table.Tr key={n.id} data-testid="credit-note-row" c={n.voidedAt ? 'dimmed' : undefined}>
              <Table.Td ff="monospace">{n.number}</Table.Td>
              <Table.Td ff="monospace">{n.invoiceNumber}</Table.Td>
              <Table.Td>
                <DateText date={n.date} />
              </Table.Td>
              <Table.Td ta="right" td={n.voidedAt ? 'line-through' : undefined}>
                <Money cents={n.amount} currency={n.currency} />
              </Table.Td>
              <Table.Td maw={320}>
                <LongText text={n.reason} />
              </Table.Td>
              <Table.Td ta="right">
                {n.voidedAt ? (
                  <Badge color="gray" variant="light" title={n.voidReason ?? ''}>
                    ⊘ {t('ui.payment.voided')}
                  </Badge>
                ) : (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => onVoid(n)}>
                    {t('ui.payment.void')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const DISPUTE_COLOR = { open: 'orange', resolved: 'green', rejected: 'gray' } as const;

export function DisputesTable({ disputes, invoices, onResolve }: { disputes: Dispute[]; invoices: Invoice[]; onResolve(d: Dispute): void }) {
  const { t } = useClientsT();
  if (disputes.length === 0)
    return (
      <Text c="dimmed" size="sm" py="sm">
        {t('ui.cl.empty.disputes')}
      </Text>
    );
  const byId = new Map(invoices.map((i) => [i.id, i]));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing={6} fz="sm" aria-label={t('ui.cl.tab.disputes')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.cl.dsp.openedOn')}</Table.Th>
            <Table.Th>{t('ui.cl.cn.invoice')}</Table.Th>
            <Table.Th>{t('ui.payment.voidReason')}</Table.Th>
            <Table.Th ta="right">{t('ui.money.amount')}</Table.Th>
            <Table.Th>{t('ui.cl.act.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {disputes.map((d) => {
            const inv = d.invoiceId ? byId.get(d.invoiceId) : undefined;
            return (
              <Table.Tr key={d.id} data-testid="dispute-row">
                <Table.Td>
                  <DateText date={d.openedOn} />
                </Table.Td>
                <Table.Td ff="monospace">{inv ? (inv.series ? `${inv.series}-${inv.number}` : inv.number) : ''}</Table.Td>
                <Table.Td>
                  <LongText text={d.reason} />
                  {d.resolution && <LongText text={d.resolution} fz="xs" c="dimmed" />}
                </Table.Td>
                <Table.Td ta="right">{d.amount !== null && inv ? <Money cents={d.amount} currency={inv.currency} /> : t('ui.cl.dsp.wholeInvoice')}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={DISPUTE_COLOR[d.status]}>
                    {t(`ui.cl.dsp.status.${d.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {d.status === 'open' && (
                    <Button size="compact-xs" variant="light" onClick={() => onResolve(d)}>
                      {t('ui.cl.dsp.resolve')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
