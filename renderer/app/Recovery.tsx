import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RecoveryStatus } from '#shared/contract/recovery';
import { call, errorMessage } from '../api/client';
import { useT } from './stores';

type State =
  | { phase: 'loading' }
  | { phase: 'ready'; status: RecoveryStatus }
  | { phase: 'confirm'; status: RecoveryStatus }
  | { phase: 'restoring' }
  | { phase: 'done' }
  | { phase: 'failed'; message: string };

/**
 * Shown under the "file cannot be used" message: offers the latest backup that passed its integrity
 * check, with its date and counts, and restores it after an explicit confirmation. The damaged file is
 * kept beside the backups, never overwritten without a copy.
 */
export function RecoveryPanel() {
  const { t, locale } = useT();
  const [state, setState] = useState<State>({ phase: 'loading' });

  useEffect(() => {
    call('recovery.status', {})
      .then((status) => setState({ phase: 'ready', status }))
      .catch((e: unknown) => setState({ phase: 'failed', message: errorMessage(e, locale) }));
  }, [locale]);

  async function restore() {
    setState({ phase: 'restoring' });
    try {
      await call('recovery.restoreLatest', {});
      setState({ phase: 'done' });
    } catch (e) {
      setState({ phase: 'failed', message: errorMessage(e, locale) });
    }
  }

  if (state.phase === 'loading') return null;
  if (state.phase === 'failed') return <Alert color="red">{state.message}</Alert>;
  if (state.phase === 'done')
    return (
      <Alert color="teal" title={t('ui.recovery.done')}>
        <Button mt="sm" onClick={() => window.location.reload()}>
          {t('ui.recovery.open')}
        </Button>
      </Alert>
    );
  if (state.phase === 'restoring') return <Text>{t('ui.recovery.restoring')}</Text>;
  const latest = state.status.latest;
  if (!latest) return <Text size="sm">{t('ui.recovery.none')}</Text>;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(latest.at));
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('ui.recovery.latest', { when, clients: latest.counts.clients, invoices: latest.counts.invoices, payments: latest.counts.payments })}
      </Text>
      {state.phase === 'confirm' ? (
        <Group>
          <Text size="sm" fw={600}>
            {t('ui.recovery.confirm')}
          </Text>
          <Button color="red" onClick={() => void restore()}>
            {t('ui.recovery.yes')}
          </Button>
          <Button variant="default" onClick={() => setState({ phase: 'ready', status: state.status })}>
            {t('ui.recovery.cancel')}
          </Button>
        </Group>
      ) : (
        <Button w="fit-content" onClick={() => setState({ phase: 'confirm', status: state.status })}>
          {t('ui.recovery.restore')}
        </Button>
      )}
    </Stack>
  );
}
