import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BackupFileInfo, BackupListEntry } from '#shared/contract/backups';
import { ApiClientError } from '../../renderer/api/client';
import { fakeTransport, INFO, renderApp, SETTINGS } from './support';

const OLD: BackupListEntry = {
  file: '/data/backups/cartera-20261119-120000-auto.sqlite',
  name: 'cartera-20261119-120000-auto.sqlite',
  at: '2026-11-19T12:00:00.000Z',
  bytes: 400_000,
  reason: 'auto',
  schemaVersion: 3,
  counts: { clients: 40, invoices: 400, payments: 421 },
  problem: null,
};
const NEW: BackupFileInfo = {
  file: '/data/backups/cartera-20261120-120000-manual.sqlite',
  name: 'cartera-20261120-120000-manual.sqlite',
  at: '2026-11-20T12:00:00.000Z',
  bytes: 479_232,
  reason: 'manual',
};

function backupsApi() {
  // the backup finishes when the test says so, so the progress state can be seen on a slow machine
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const files: BackupListEntry[] = [OLD];
  let folder = '/data/backups';
  const status = () => ({ folder, isDefaultFolder: folder === '/data/backups', last: files.at(-1) ?? null, due: false });
  return Object.assign(
    fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'backups.status': status,
      'backups.list': () => [...files],
      'backups.now': async () => {
        await gate;
        files.push({ ...NEW, schemaVersion: 3, counts: { clients: 41, invoices: 402, payments: 421 }, problem: null });
        return NEW;
      },
      'backups.setFolder': (i) => {
        if (i.folder === '/nope')
          throw new ApiClientError({ code: 'validation', key: 'validation.invalid', params: {}, message: 'That folder does not exist.' }).error;
        folder = (i.folder as string | null) ?? '/data/backups';
        return status();
      },
      'audit.list': () => ({
        rows: [
          {
            id: 9,
            at: '2026-11-20T11:00:00.000Z',
            entity: 'client',
            entityId: 7,
            action: 'update',
            before: { name: 'Andina' },
            after: { name: 'Andina S.A.C.' },
            reason: null,
            actor: 'user',
          },
        ],
        total: 1,
      }),
      'audit.export': () => ({ csv: 'id,at\n9,2026-11-20\n', rows: 1 }),
    }),
    { release },
  );
}

describe('settings: backups and audit', () => {
  it('backs up now, shows progress, then the new backup as the last one and in the list', async () => {
    const api = backupsApi();
    const user = userEvent.setup();
    renderApp('#/settings');
    const list = await screen.findByTestId('backup-list');
    expect(within(list).getAllByRole('row')).toHaveLength(2);
    expect(within(list).getByText('40 · 400 · 421')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Hacer copia ahora' }));
    expect(await screen.findByText('Copiando y verificando la copia…')).toBeInTheDocument();
    api.release();
    await waitFor(() => expect(screen.getByTestId('backup-last')).toHaveTextContent('cartera-20261120-120000-manual.sqlite'));
    expect(screen.getAllByText(/Copia hecha y verificada: cartera-20261120-120000-manual\.sqlite/).length).toBeGreaterThan(0);
    expect(within(screen.getByTestId('backup-list')).getAllByRole('row')).toHaveLength(3);
    expect(within(screen.getByTestId('backup-list')).getByText('41 · 402 · 421')).toBeInTheDocument();
    expect(api.callsOf('backups.now')).toHaveLength(1);
  });

  it('changes the folder, showing the core’s validation message next to the field', async () => {
    const api = backupsApi();
    const user = userEvent.setup();
    renderApp('#/settings');
    const field = await screen.findByLabelText('Carpeta de copias');
    await user.clear(field);
    await user.type(field, '/nope');
    await user.click(screen.getByRole('button', { name: 'Cambiar' }));
    // the UI re-renders the core's key in its own language
    expect(await screen.findByText('Este valor no es válido.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '/mnt/sync/cartera');
    await user.click(screen.getByRole('button', { name: 'Cambiar' }));
    await waitFor(() => expect(api.callsOf('backups.setFolder').at(-1)).toEqual({ folder: '/mnt/sync/cartera' }));
    expect(await screen.findByRole('button', { name: 'Usar la carpeta predeterminada' })).toBeInTheDocument();
  });

  it('lists recent changes with what changed', async () => {
    backupsApi();
    renderApp('#/settings');
    const table = await screen.findByTestId('audit-table');
    expect(within(table).getByText('Cliente')).toBeInTheDocument();
    expect(within(table).getByText('modificado')).toBeInTheDocument();
    expect(within(table).getByText('Razón social: Andina → Andina S.A.C.')).toBeInTheDocument();
  });
});

describe('settings: restoring a backup', () => {
  it('shows the backup date and counts, restores only after confirming, then reloads', async () => {
    const restored: unknown[] = [];
    const api = fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'backups.status': () => ({ folder: '/data/backups', isDefaultFolder: true, last: OLD, due: false }),
      'backups.list': () => [OLD, { ...OLD, name: 'cartera-20261118-120000-auto.sqlite', counts: null, problem: 'dañada' }],
      'backups.restore': (i) => {
        restored.push(i);
        return { restoredFrom: OLD.file, at: OLD.at, safetyCopy: '/data/backups/cartera-20261120-120000-pre-restore.sqlite' };
      },
      'audit.list': () => ({ rows: [], total: 0 }),
    });
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location);
    const user = userEvent.setup();
    renderApp('#/settings');
    const list = await screen.findByTestId('backup-list');
    // an unreadable copy offers no restore
    expect(within(list).getAllByRole('button', { name: 'Restaurar…' })).toHaveLength(1);
    await user.click(within(list).getByRole('button', { name: 'Restaurar…' }));
    const dialog = await screen.findByRole('dialog', { name: '¿Restaurar esta copia?' });
    expect(within(dialog).getByText(/40 clientes, 400 facturas, 421 pagos/)).toBeInTheDocument();
    expect(api.callsOf('backups.restore')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Restaurar' }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(restored).toEqual([{ name: OLD.name }]);
  });
});
