import { Stack, Title } from '@mantine/core';
import type { Area } from '../../app/router';
import { useT } from '../../app/stores';
import { EmptyState } from '../../components/EmptyState';

type Later = Extract<Area, 'invoices' | 'plans' | 'letters' | 'reports'>;

/** Areas still to be built: say what will live here and where to go meanwhile, never a blank page. */
export function ComingSoon({ area }: { area: Later }) {
  const { t } = useT();
  return (
    <Stack>
      <Title order={2}>{t(`ui.nav.${area}`)}</Title>
      <EmptyState title={t('ui.soon.title')} icon={area}>
        {t(`ui.soon.${area}`)}
      </EmptyState>
    </Stack>
  );
}
