import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { PAGE } from './detailStore';
import { useClientsT } from './i18n';

/** "Showing 200 of 4,381 · Show 200 more" under a long list; nothing when everything is shown. */
export function MoreRows({ shown, total, onMore }: { shown: number; total: number; onMore(): Promise<void> }) {
  const { t, locale } = useClientsT();
  const [busy, setBusy] = useState(false);
  if (shown >= total) return null;
  const n = new Intl.NumberFormat(locale);
  return (
    <Group justify="space-between" mt="xs">
      <Text size="sm" c="dimmed">
        {t('ui.cl.showing', { shown: n.format(shown), total: n.format(total) })}
      </Text>
      <Button
        variant="default"
        size="xs"
        loading={busy}
        onClick={() => {
          setBusy(true);
          void onMore().finally(() => setBusy(false));
        }}
      >
        {t('ui.cl.loadMore', { n: n.format(Math.min(PAGE, total - shown)) })}
      </Button>
    </Group>
  );
}
