import { Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import type { AgingBy, AgingSummary, AgingSummaryRow, AgingTotalLine } from '#shared/domain/agingViews';
import { Amount } from '../../components/Amount';
import type { DrillFilter } from './agingStore';
import { groupLabel, rowFilter } from './groupLabel';
import { bucketLabel, useAgingT } from './i18n';

type Drill = (f: DrillFilter) => void;

/** Bucket 0 is not yet due; from 31–60 on the red deepens (the header still says how late, for no colour). */
const tone = (i: number) => (i >= 2 ? 'red.8' : undefined);

function BucketCells({
  line,
  names,
  group,
  onDrill,
}: {
  line: AgingTotalLine;
  names: string[];
  group: (bucket?: number) => { filter: DrillFilter; name: string };
  onDrill: Drill;
}) {
  const { t } = useAgingT();
  return (
    <>
      {line.buckets.map((amount, i) => (
        <Table.Td key={i} ta="right" className="nowrap">
          {amount === 0 ? (
            <Text span c="dimmed">
              —
            </Text>
          ) : (
            <UnstyledButton
              className="cell-link"
              c={tone(i)}
              onClick={() => onDrill(group(i).filter)}
              aria-label={t('ui.agingv.openCell', { count: line.counts[i] ?? 0, group: group(i).name, bucket: names[i] ?? '' })}
            >
              <Amount cents={amount} currency={line.currency} />
            </UnstyledButton>
          )}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={700} className="nowrap">
        <UnstyledButton className="cell-link" onClick={() => onDrill(group().filter)} aria-label={t('ui.agingv.openRow', { group: group().name })}>
          <Amount cents={line.total} currency={line.currency} />
        </UnstyledButton>
      </Table.Td>
    </>
  );
}

function GroupCell({ row, by, onOpen }: { row: AgingSummaryRow; by: AgingBy; onOpen(): void }) {
  const { t } = useAgingT();
  const name = groupLabel(row, by, t);
  return (
    <Table.Td maw={280}>
      <UnstyledButton className="cell-link" onClick={onOpen} title={t('ui.agingv.openRow', { group: name })} data-testid="aging-group">
        <Text size="sm" truncate>
          {by === 'client' && (
            <Text span ff="monospace" c="dimmed" fz="xs" mr={6}>
              {row.key}
            </Text>
          )}
          {name}
        </Text>
      </UnstyledButton>
    </Table.Td>
  );
}

/** One table per currency: amounts in different currencies are never added up, not even in a footer. */
export function AgingSummaryTables({ summary, onDrill }: { summary: AgingSummary; onDrill: Drill }) {
  const { t } = useAgingT();
  const names = summary.buckets.map((b) => bucketLabel(b, t));
  const groupHeader = { client: t('ui.aging.client'), segment: t('ui.agingv.segment'), currency: t('ui.agingv.currency') }[summary.by];
  return (
    <Stack gap="lg">
      {summary.totals.map((total) => {
        const rows = summary.rows.filter((r) => r.currency === total.currency);
        return (
          <Paper withBorder radius="md" key={total.currency} component="section" aria-label={t('ui.agingv.tableTitle', { currency: total.currency })}>
            <Title order={4} px="sm" pt="sm" pb={4}>
              {t('ui.agingv.tableTitle', { currency: total.currency })}{' '}
              <Text span c="dimmed" fz="sm" fw={400}>
                · {t('ui.agingv.invoices', { count: total.count })}
              </Text>
            </Title>
            {/* the table scrolls inside its own box: the horizontal bar stays in view below the visible rows,
                and the group column and the Total column stay put while the buckets scroll between them */}
            <div className="aging-summary-scroll" tabIndex={0} role="region" aria-label={t('ui.agingv.tableTitle', { currency: total.currency })}>
              <Table
                miw={860}
                className="aging-summary-table"
                striped
                highlightOnHover
                fz="sm"
                verticalSpacing={4}
                horizontalSpacing="xs"
                data-testid={`aging-table-${total.currency}`}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{groupHeader}</Table.Th>
                    {names.map((n) => (
                      <Table.Th key={n} ta="right" className="nowrap">
                        {n}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right" className="nowrap">
                      {t('ui.aging.total')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => {
                    const group = (bucket?: number) => ({ filter: rowFilter(row, summary.by, t, bucket), name: groupLabel(row, summary.by, t) });
                    return (
                      <Table.Tr key={`${row.key}-${row.currency}`}>
                        <GroupCell row={row} by={summary.by} onOpen={() => onDrill(group().filter)} />
                        <BucketCells line={row} names={names} group={group} onDrill={onDrill} />
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700} className="total-row">
                    <Table.Td>{t('ui.aging.totalIn', { currency: total.currency })}</Table.Td>
                    <BucketCells
                      line={total}
                      names={names}
                      group={(bucket) => ({ filter: { currency: total.currency, ...(bucket === undefined ? {} : { bucket }) }, name: total.currency })}
                      onDrill={onDrill}
                    />
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </div>
          </Paper>
        );
      })}
    </Stack>
  );
}
