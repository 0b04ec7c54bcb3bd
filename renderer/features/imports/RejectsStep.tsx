import { Alert, Button, Group, Loader, Paper, Progress, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { errorMessage } from '../../api/client';
import { useSession, useStores } from '../../app/stores';
import { Icon } from '../../components/Icon';
import { useImportsT } from './i18n';
import { RejectsTable } from './RejectsTable';
import { ReviewPanel } from './ReviewPanel';

/** While the core works: a large file takes seconds, so say how many rows and how long so far. */
function Running({ rows }: { rows: number }) {
  const { t } = useImportsT();
  const progress = useStore(useStores().imports, (s) => s.progress);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" />
      <div>
        <Text fw={500} className="num">
          {t('ui.imp.running', { rows, seconds })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('ui.imp.runningHint')}
        </Text>
        {progress && <Progress mt={6} w={320} value={(100 * progress.done) / progress.total} aria-label={t('ui.imp.progress')} />}
      </div>
    </Group>
  );
}

/** Step 3: the rejected rows, and the all-or-nothing choice (the safe one is the default). */
export function RejectsStep({ onClose }: { onClose(): void }) {
  const { t, locale } = useImportsT();
  const store = useStores().imports;
  const { preview, busy, error } = useStore(store);
  const [choice, setChoice] = useState<'nothing' | 'partial'>('nothing');
  const currency = useSession((s) => s.settings?.defaultCurrency ?? 'PEN');
  if (!preview) return null;
  const { counts } = preview;
  const hasRejects = counts.rejected > 0;
  const importing = !hasRejects || choice === 'partial';

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        {hasRejects ? (
          <RejectsTable report={preview} />
        ) : (
          <Text fw={600} c="teal.8">
            <Icon name="check" /> {t('ui.imp.noRejects', { rows: counts.rows })}
          </Text>
        )}
      </Paper>
      <ReviewPanel preview={preview} currency={currency} />
      {hasRejects && (
        <Radio.Group label={t('ui.imp.choice')} value={choice} onChange={(v) => setChoice(v as 'nothing' | 'partial')}>
          <Stack gap="xs" mt="xs">
            <Radio value="nothing" label={t('ui.imp.choiceNothing')} />
            <Radio value="partial" label={t('ui.imp.choicePartial', { count: counts.accepted })} disabled={counts.accepted === 0} />
          </Stack>
        </Radio.Group>
      )}
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(error, locale)}
        </Alert>
      ) : null}
      {busy === 'running' ? (
        <Running rows={counts.accepted} />
      ) : (
        <Group justify="space-between">
          <Button variant="default" onClick={() => store.getState().goTo('preview')}>
            {t('ui.imp.back')}
          </Button>
          {importing ? (
            <Button onClick={() => void store.getState().run(hasRejects)}>{t('ui.imp.run', { count: counts.accepted })}</Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              {t('ui.imp.close')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
