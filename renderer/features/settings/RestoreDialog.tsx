import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupListEntry } from '#shared/contract/backups';
import { errorMessage } from '../../api/client';
import { formatInstant, useSettingsT } from './i18n';

/**
 * Shows what the backup holds (date and counts) before anything is replaced. After the restore the
 * page reloads: every screen must show the restored book, not what was cached before.
 */
export function RestoreDialog({ entry, onClose, onConfirm }: { entry: BackupListEntry; onClose(): void; onConfirm(): Promise<void> }) {
  const { t, locale } = useSettingsT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const counts = entry.counts ?? { clients: 0, invoices: 0, payments: 0 };

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      window.location.reload();
    } catch (e) {
      setError(errorMessage(e, locale));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={busy ? () => {} : onClose} title={t('ui.bk.restoreTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">
          {t('ui.bk.restoreWhat', { when: formatInstant(entry.at, locale), clients: counts.clients, invoices: counts.invoices, payments: counts.payments })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('ui.bk.restoreWarn')}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('ui.bk.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy}>
            {t('ui.bk.restoreYes')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
