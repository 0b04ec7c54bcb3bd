import { Button, Table, Text } from '@mantine/core';
import type { BackupListEntry } from '#shared/contract/backups';
import { formatBytes } from '../../components/download';
import { formatInstant, useSettingsT } from './i18n';

/** Newest first; a copy that cannot be read says why, since it would be useless for a restore. */
export function BackupList({ list, highlight, onRestore }: { list: BackupListEntry[]; highlight: string | null; onRestore(entry: BackupListEntry): void }) {
  const { t, locale } = useSettingsT();
  const n = new Intl.NumberFormat(locale);
  const reason = (r: string) => {
    const key = `ui.bk.reason.${r}` as Parameters<typeof t>[0];
    const text = t(key);
    return text === key ? r : text;
  };
  if (list.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ui.bk.none')}
      </Text>
    );
  const sorted = [...list].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Table.ScrollContainer minWidth={640} mah={320}>
      <Table fz="sm" verticalSpacing={4} striped stickyHeader aria-label={t('ui.bk.list')} data-testid="backup-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.bk.when')}</Table.Th>
            <Table.Th>{t('ui.bk.reason')}</Table.Th>
            <Table.Th ta="right">{t('ui.bk.size')}</Table.Th>
            <Table.Th ta="right">{t('ui.bk.counts')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((b) => (
            <Table.Tr key={b.name} fw={b.name === highlight ? 700 : undefined} title={b.file}>
              <Table.Td className="num nowrap">{formatInstant(b.at, locale)}</Table.Td>
              <Table.Td>{reason(b.reason)}</Table.Td>
              <Table.Td ta="right" className="num nowrap">
                {formatBytes(b.bytes, locale)}
              </Table.Td>
              <Table.Td ta="right" className="num nowrap">
                {b.counts ? (
                  `${n.format(b.counts.clients)} · ${n.format(b.counts.invoices)} · ${n.format(b.counts.payments)}`
                ) : (
                  <Text span c="red.8" size="sm" title={b.problem ?? undefined}>
                    {t('ui.bk.unreadable')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {b.counts && (
                  <Button size="compact-xs" variant="subtle" onClick={() => onRestore(b)}>
                    {t('ui.bk.restore')}
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
