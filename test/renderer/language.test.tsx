import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeTransport, INFO, renderApp, SETTINGS } from './support';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('language', () => {
  it('starts in the OS language on first run, switches to Spanish and saves the choice', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    const api = fakeTransport({
      'settings.get': () => ({ ...SETTINGS, locale: 'es-PE', updatedAt: null }),
      'system.info': () => INFO,
      'settings.update': (input) => ({ ...SETTINGS, ...input }),
    });
    const user = userEvent.setup();
    renderApp('#/today');
    expect(await screen.findByRole('heading', { name: 'Today' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clients' })).toBeInTheDocument();

    await user.click(screen.getByText('ES'));
    expect(await screen.findByRole('heading', { name: 'Hoy' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clientes' })).toBeInTheDocument();
    await waitFor(() => expect(api.callsOf('settings.update')).toEqual([{ locale: 'es-PE' }]));
    expect(document.documentElement.lang).toBe('es');
  });

  it('uses the saved language over the OS one, and formats with that locale', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('es-PE');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T15:00:00'));
    fakeTransport({ 'settings.get': () => ({ ...SETTINGS, locale: 'en-US' }), 'system.info': () => INFO });
    renderApp('#/today');
    expect(await screen.findByRole('heading', { name: 'Today' })).toBeInTheDocument();
    expect(screen.getByText('11/20/2026')).toBeInTheDocument();
  });

  it('shows a full-screen explanation when the data file is unusable', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('es-PE');
    fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => {
        throw { code: 'database', key: 'error.db.newer', params: { found: 9, known: 2 }, message: '…' };
      },
    });
    renderApp('#/today');
    expect(await screen.findByRole('heading', { name: 'No se puede usar el archivo de datos' })).toBeInTheDocument();
    expect(screen.getByText(/versión más nueva de Cartera \(esquema 9/)).toBeInTheDocument();
  });
});
