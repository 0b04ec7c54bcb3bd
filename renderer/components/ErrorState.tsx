import { Alert, Button, Group, Text } from '@mantine/core';
import { errorMessage } from '../api/client';
import { useT } from '../app/stores';

/** A failed load: the core's message in the user's language and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useT();
  return (
    <Alert color="red" variant="light" title={t('ui.error.title')} role="alert">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{errorMessage(error, locale)}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('ui.action.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
