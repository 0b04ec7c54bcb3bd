import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeTransport, renderApp, SETTINGS } from './support';

const BROKEN = { code: 'database', key: 'error.db.corrupt', params: { detail: 'page 3' }, message: '…' };

describe('recovery from an unusable data file', () => {
  afterEach(() => vi.restoreAllMocks());

  it('offers the latest good backup with its date and counts, and restores it only after confirming', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    const fake = fakeTransport({
      'settings.get': () => ({ ...SETTINGS, locale: 'en-US' }),
      'system.info': () => {
        throw BROKEN;
      },
      'recovery.status': () => ({
        failure: BROKEN,
        latest: { file: '/b/cartera-20261119-180000-quit.sqlite', at: '2026-11-19T18:00:00.000Z', counts: { clients: 12, invoices: 340, payments: 200 } },
      }),
      'recovery.restoreLatest': () => ({
        restoredFrom: '/b/cartera-20261119-180000-quit.sqlite',
        at: '2026-11-19T18:00:00.000Z',
        safetyCopy: '/b/cartera-damaged.sqlite',
      }),
    });
    renderApp('#/today');
    expect(await screen.findByText(/Latest good backup: .*2026.* 12 clients, 340 invoices, 200 payments/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(fake.callsOf('recovery.restoreLatest')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, restore' }));
    expect(await screen.findByText('The backup was restored.')).toBeInTheDocument();
    expect(fake.callsOf('recovery.restoreLatest')).toHaveLength(1);
  });

  it('says so when there is no backup', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('es-PE');
    fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => {
        throw BROKEN;
      },
      'recovery.status': () => ({ failure: BROKEN, latest: null }),
    });
    renderApp('#/today');
    expect(await screen.findByText('No se encontró ninguna copia de seguridad buena en la carpeta de copias.')).toBeInTheDocument();
  });
});
