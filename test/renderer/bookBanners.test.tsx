import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BackupFileInfo } from '#shared/contract/backups';
import { fakeTransport, INFO, renderApp, SETTINGS } from './support';

/** Issue 10 items 8 and 13: the read-only and failing-backup states are visible on every screen. */
const MADE: BackupFileInfo = {
  file: '/data/backups/cartera-20261120-120000-manual.sqlite',
  name: 'cartera-20261120-120000-manual.sqlite',
  at: '2026-11-20T12:00:00.000Z',
  bytes: 4096,
  reason: 'manual',
};

function api(opts: { readOnly: boolean }) {
  let failing = true;
  const failure = { at: '2026-11-20T08:00:00.000Z', reason: 'auto', message: 'Cartera no puede escribir en /mnt/sync (EACCES).' };
  const status = () => ({ folder: '/mnt/sync', isDefaultFolder: false, last: null, due: true, failure: failing ? failure : null });
  return fakeTransport({
    'settings.get': () => SETTINGS,
    'system.info': () => ({ ...INFO, readOnly: opts.readOnly, backupFailing: failing }),
    'backups.status': status,
    'backups.list': () => [],
    'backups.now': () => {
      failing = false;
      return MADE;
    },
    'audit.list': () => ({ rows: [], total: 0 }),
  });
}

describe('book banners', () => {
  it('shows "backups are failing" with the reason in Settings until a backup succeeds', async () => {
    api({ readOnly: false });
    const user = userEvent.setup();
    renderApp('#/settings');
    expect(await screen.findByTestId('banner-backup-failing')).toHaveTextContent('Las copias de seguridad están fallando');
    expect(await screen.findByTestId('backup-failure')).toHaveTextContent('Cartera no puede escribir en /mnt/sync (EACCES).');
    expect(screen.queryByTestId('banner-readonly')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Hacer copia ahora' }));
    await waitFor(() => expect(screen.queryByTestId('banner-backup-failing')).toBeNull());
    await waitFor(() => expect(screen.queryByTestId('backup-failure')).toBeNull());
  });

  it('shows "this book is read-only" when the file could only be opened read-only', async () => {
    api({ readOnly: true });
    renderApp('#/settings');
    expect(await screen.findByTestId('banner-readonly')).toHaveTextContent('Este libro es de solo lectura');
  });
});
