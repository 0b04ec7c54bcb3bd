import { Center, Loader } from '@mantine/core';
import { useT } from '../app/stores';

export function Loading() {
  const { t } = useT();
  return (
    <Center py="xl">
      <Loader size="sm" aria-label={t('ui.loading')} />
    </Center>
  );
}
