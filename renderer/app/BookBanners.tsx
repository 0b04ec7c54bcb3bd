import { Alert, Stack } from '@mantine/core';
import { defineCatalogue } from '../components/catalogue';
import { useRouter, useSession, useStores } from './stores';

const useBannerT = defineCatalogue(
  {
    'ui.banner.readOnly':
      'This book is read-only: you can look at it, age it and export it, but not change it. To work on it, make the file writable and reopen Cartera.',
    'ui.banner.backupFailing': 'Backups are failing: the last one could not be made. Check the backup folder in Settings.',
    'ui.banner.openSettings': 'Open Settings',
  },
  {
    'ui.banner.readOnly':
      'Este libro es de solo lectura: puede consultarlo, ver su antigüedad y exportarlo, pero no modificarlo. Para trabajar en él, permita escribir el archivo y vuelva a abrir Cartera.',
    'ui.banner.backupFailing': 'Las copias de seguridad están fallando: la última no se pudo hacer. Revise la carpeta de copias en Configuración.',
    'ui.banner.openSettings': 'Abrir Configuración',
  },
);

/** App-wide warnings about the book itself, from system.info: shown on every screen until they clear. */
export function BookBanners() {
  const { t } = useBannerT();
  const stores = useStores();
  const info = useSession((s) => s.info);
  const area = useRouter((s) => s.route.area);
  if (!info?.readOnly && !info?.backupFailing) return null;
  return (
    <Stack gap="xs" mb="sm">
      {info.readOnly && (
        <Alert color="yellow" variant="light" role="status" data-testid="banner-readonly">
          {t('ui.banner.readOnly')}
        </Alert>
      )}
      {info.backupFailing && (
        <Alert color="red" variant="light" role="alert" data-testid="banner-backup-failing">
          {t('ui.banner.backupFailing')}{' '}
          {area !== 'settings' && (
            <a
              href="#/settings"
              onClick={(e) => {
                e.preventDefault();
                stores.router.getState().go({ area: 'settings' });
              }}
            >
              {t('ui.banner.openSettings')}
            </a>
          )}
        </Alert>
      )}
    </Stack>
  );
}
