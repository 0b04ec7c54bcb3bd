import { Alert, Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { BackupFileInfo } from '#shared/contract/backups';
import { errorMessage } from '../../api/client';
import { useStores } from '../../app/stores';
import { formatBytes } from '../../components/download';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { BackupList } from './BackupList';
import { RestoreDialog } from './RestoreDialog';
import type { BackupListEntry } from '#shared/contract/backups';
import { formatInstant, useSettingsT } from './i18n';

function LastBackup({ last, due }: { last: BackupFileInfo | null; due: boolean }) {
  const { t, locale } = useSettingsT();
  return (
    <Stack gap={2} data-testid="backup-last">
      <Text size="sm" fw={600}>
        {t('ui.bk.last')}
      </Text>
      {last ? (
        <Text size="sm" className="num">
          {formatInstant(last.at, locale)} ·{' '}
          <Text span ff="monospace" fz="xs">
            {last.name}
          </Text>{' '}
          · {formatBytes(last.bytes, locale)}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('ui.bk.never')}
        </Text>
      )}
      {due && (
        <Text size="sm" c="orange.9">
          {t('ui.bk.due')}
        </Text>
      )}
    </Stack>
  );
}

/** The folder as a typed path the core validates; the Electron shell may add a native picker later. */
function FolderForm({ folder, isDefault }: { folder: string; isDefault: boolean }) {
  const { t, locale } = useSettingsT();
  const store = useStores().backups;
  const [value, setValue] = useState(folder);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setValue(folder), [folder]);

  async function save(next: string | null) {
    setSaving(true);
    try {
      await store.getState().setFolder(next);
      setError(null);
      notifications.show({ color: 'green', message: t('ui.bk.folderSaved', { folder: store.getState().info?.folder ?? '' }) });
    } catch (e) {
      setError(errorMessage(e, locale));
    } finally {
      setSaving(false);
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(value.trim() || null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('ui.bk.folder')}
          description={isDefault ? `${t('ui.bk.folderHint')} (${t('ui.bk.folderDefault')})` : t('ui.bk.folderHint')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          spellCheck={false}
        />
        <Group gap="xs" mt={44} wrap="nowrap">
          <Button type="submit" variant="default" loading={saving} disabled={value.trim() === folder}>
            {t('ui.bk.change')}
          </Button>
          {!isDefault && (
            <Button variant="subtle" onClick={() => void save(null)} disabled={saving}>
              {t('ui.bk.useDefault')}
            </Button>
          )}
        </Group>
      </Group>
    </form>
  );
}

export function BackupsSection() {
  const { t, locale } = useSettingsT();
  const stores = useStores();
  const store = stores.backups;
  const { status, error, info, list, running, made } = useStore(store);
  const [restoring, setRestoring] = useState<BackupListEntry | null>(null);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  async function backupNow() {
    try {
      const file = await store.getState().backupNow();
      void stores.session.getState().refreshInfo(); // a success clears the "backups are failing" banner
      notifications.show({ color: 'green', message: t('ui.bk.done', { name: file.name, size: formatBytes(file.bytes, locale) }) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, locale) });
      void store.getState().load(); // the failure is now recorded: show it
    }
  }

  return (
    <Paper withBorder p="md" radius="md" maw={960} component="section" aria-labelledby="backups-title">
      <Stack gap="sm">
        <Title order={4} id="backups-title">
          {t('ui.bk.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('ui.bk.intro')}
        </Text>
        {status === 'error' ? (
          <ErrorState error={error} onRetry={() => void store.getState().load()} />
        ) : !info ? (
          <Loading />
        ) : (
          <>
            {info.failure && (
              <Alert color="red" variant="light" role="alert" data-testid="backup-failure">
                {t('ui.bk.failing', { when: formatInstant(info.failure.at, locale), message: info.failure.message })}
              </Alert>
            )}
            <Group justify="space-between" align="flex-start">
              <LastBackup last={info.last} due={info.due} />
              <Button onClick={() => void backupNow()} loading={running}>
                {t('ui.bk.now')}
              </Button>
            </Group>
            {running && (
              <Stack gap={4} role="status">
                <Text size="sm">{t('ui.bk.running')}</Text>
                <Progress value={100} animated striped aria-label={t('ui.bk.running')} />
              </Stack>
            )}
            {made && !running && (
              <Alert color="green" variant="light" role="status">
                {t('ui.bk.done', { name: made.name, size: formatBytes(made.bytes, locale) })}
              </Alert>
            )}
            <FolderForm folder={info.folder} isDefault={info.isDefaultFolder} />
            <BackupList list={list} highlight={made?.name ?? null} onRestore={setRestoring} />
            {restoring && <RestoreDialog entry={restoring} onClose={() => setRestoring(null)} onConfirm={() => store.getState().restore(restoring.name)} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
