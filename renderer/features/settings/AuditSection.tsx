import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { AUDIT_ENTITIES, type AuditRow } from '#shared/contract/audit';
import { errorMessage } from '../../api/client';
import { todayIso } from '../../app/locale';
import { useStores } from '../../app/stores';
import { saveBytes } from '../../components/download';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { codeWord } from '../../components/words';
import { auditChanges, auditSubject } from './auditChanges';
import type { AuditEntity } from './auditStore';
import { formatInstant, useSettingsT } from './i18n';
import { LongText } from '../../components/LongText';

type T = ReturnType<typeof useSettingsT>['t'];

/** Known words translated; anything else (new actions) shown as recorded rather than hidden. */
function word(t: T, prefix: string, value: string): string {
  const key = `${prefix}${value}` as Parameters<T>[0];
  const text = t(key);
  return text === key ? value : text;
}

function AuditTable({ rows }: { rows: AuditRow[] }) {
  const { t, locale } = useSettingsT();
  return (
    <Table.ScrollContainer minWidth={720} mah={420}>
      <Table fz="sm" verticalSpacing={4} striped stickyHeader data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.audit.when')}</Table.Th>
            <Table.Th>{t('ui.audit.what')}</Table.Th>
            <Table.Th>{t('ui.audit.action')}</Table.Th>
            <Table.Th>{t('ui.audit.changes')}</Table.Th>
            <Table.Th>{t('ui.audit.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const changes = auditChanges(r.before, r.after, locale);
            const subject = auditSubject(locale, r.entity, r.before, r.after);
            return (
              <Table.Tr key={r.id}>
                <Table.Td className="num nowrap">{formatInstant(r.at, locale)}</Table.Td>
                <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }}>
                  {word(t, 'ui.audit.entity.', r.entity)}
                  {subject ? (
                    <Text span c="dimmed">
                      {' '}
                      {subject}
                    </Text>
                  ) : (
                    r.entityId !== null && (
                      <Text span c="dimmed" className="num">
                        {' '}
                        #{r.entityId}
                      </Text>
                    )
                  )}
                </Table.Td>
                <Table.Td>{codeWord(locale, 'ui.audit.action.', r.action)}</Table.Td>
                <Table.Td maw={360}>
                  <Text size="xs" lineClamp={2} style={{ overflowWrap: 'anywhere' }} title={changes.join('\n')}>
                    {changes.join(' · ')}
                  </Text>
                  {r.reason && (
                    <Text size="xs" c="dimmed" component="div">
                      {t('ui.audit.reason')}: <LongText text={r.reason} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{codeWord(locale, 'ui.audit.actor.', r.actor)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The append-only log of changes, newest first, filterable by kind of record and exportable as CSV. */
export function AuditSection() {
  const { t, locale } = useSettingsT();
  const store = useStores().audit;
  const { status, error, rows, total, entity, loadingMore } = useStore(store);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  async function exportCsv() {
    setExporting(true);
    try {
      const res = await store.getState().exportCsv();
      // a BOM so Excel opens the accents right
      saveBytes(`cartera-audit-${todayIso()}.csv`, 'text/csv;charset=utf-8', `\ufeff${res.csv}`);
      notifications.show({ color: 'green', message: t('ui.audit.exported', { rows: res.rows }) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, locale) });
    } finally {
      setExporting(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" maw={960} component="section" aria-labelledby="audit-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={4} id="audit-title">
            {t('ui.audit.title')}
          </Title>
          <Group gap="xs" align="flex-end">
            <Select
              size="xs"
              label={t('ui.audit.entity')}
              w={200}
              value={entity ?? ''}
              onChange={(v) => void store.getState().load((v || null) as AuditEntity | null)}
              allowDeselect={false}
              data={[{ value: '', label: t('ui.audit.all') }, ...AUDIT_ENTITIES.map((e) => ({ value: e, label: word(t, 'ui.audit.entity.', e) }))]}
            />
            <Button size="xs" variant="default" loading={exporting} onClick={() => void exportCsv()}>
              {t('ui.audit.export')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('ui.audit.intro')}
        </Text>
        {status === 'error' ? (
          <ErrorState error={error} onRetry={() => void store.getState().load()} />
        ) : status !== 'ready' ? (
          <Loading />
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ui.audit.empty')}
          </Text>
        ) : (
          <>
            <AuditTable rows={rows} />
            {rows.length < total && (
              <Button variant="subtle" size="xs" w="fit-content" loading={loadingMore} onClick={() => void store.getState().more()}>
                {t('ui.audit.more', { shown: rows.length, total })}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
