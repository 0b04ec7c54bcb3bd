import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BookInfo, RecentBook } from '#shared/contract/books';
import { fakeTransport, INFO, listRow, renderApp, SETTINGS } from './support';

/** Settings → Books: open or create another book; every store starts over on the new book. */
function booksApi() {
  let current: BookInfo = { file: '/data/cartera.sqlite', name: 'cartera' };
  const recent = (): RecentBook[] => [
    { ...current, openedAt: '2026-11-20T12:00:00.000Z', exists: true, current: true },
    { file: '/data/andina.sqlite', name: 'andina', openedAt: '2026-11-19T12:00:00.000Z', exists: true, current: false },
    { file: '/mnt/usb/sur.sqlite', name: 'sur', openedAt: '2026-11-18T12:00:00.000Z', exists: false, current: false },
  ];
  const clients = new Map([['/data/cartera.sqlite', [listRow(1, 'DEMO-1', 'Cliente de demostración', 10_000)]]]);
  return fakeTransport({
    'settings.get': () => (current.name === 'cartera' ? SETTINGS : { ...SETTINGS, name: 'Mi empresa', updatedAt: null }),
    'system.info': () => ({ ...INFO, file: current.file }),
    'books.current': () => current,
    'books.recent': recent,
    'books.create': (i) => {
      if (i.file === '/data/cartera.sqlite') throw { code: 'conflict', key: 'error.books.exists', params: { file: i.file }, message: 'exists' };
      current = { file: `${i.file as string}`, name: 'nueva' };
      return current;
    },
    'books.open': (i) => {
      current = { file: i.file as string, name: 'andina' };
      return current;
    },
    'backups.status': () => ({ folder: '/data/backups', isDefaultFolder: true, last: null, due: false }),
    'backups.list': () => [],
    'audit.list': () => ({ rows: [], total: 0 }),
    'clients.list': () => ({ rows: clients.get(current.file) ?? [], total: (clients.get(current.file) ?? []).length }),
    'clients.segments': () => [],
  });
}

describe('books (Settings)', () => {
  it('shows the open book and the recent ones, a missing one without an Open button that works', async () => {
    booksApi();
    renderApp('#/settings');
    expect(await screen.findByTestId('book-current')).toHaveTextContent('/data/cartera.sqlite');
    const table = screen.getByRole('table', { name: 'Libros recientes' });
    expect(within(table).getAllByRole('row')).toHaveLength(2); // the open one is not listed again
    expect(within(table).getByRole('button', { name: 'Abrir andina' })).toBeEnabled();
    expect(within(table).getByRole('button', { name: 'Abrir sur' })).toBeDisabled();
    expect(within(table).getByText('(no encontrado)')).toBeInTheDocument();
  });

  it('creates a new book from a typed path, then starts over: fresh stores, Today, the new book’s settings', async () => {
    const api = booksApi();
    const user = userEvent.setup();
    const { stores } = renderApp('#/settings');
    await screen.findByTestId('book-current');
    const settingsLoads = api.callsOf('settings.get').length;
    await user.type(screen.getByLabelText('Archivo del libro'), '/data/nueva');
    await user.click(screen.getByRole('button', { name: 'Crear un libro nuevo' }));
    await waitFor(() => expect(api.callsOf('books.create')).toEqual([{ file: '/data/nueva' }]));
    await waitFor(() => expect(window.location.hash).toBe('#/today'));
    await waitFor(() => expect(api.callsOf('settings.get').length).toBe(settingsLoads + 1));
    expect(await screen.findByText('Ahora trabaja en el libro nueva.')).toBeInTheDocument();
    // the stores the app started with are no longer the ones on screen
    expect(stores.books.getState().current?.file).toBe('/data/cartera.sqlite');
  });

  it('a client list read from the old book is not shown for the new one', async () => {
    const api = booksApi();
    const user = userEvent.setup();
    renderApp('#/clients');
    expect(await screen.findByText('Cliente de demostración')).toBeInTheDocument();
    window.location.hash = '#/settings';
    const table = await screen.findByRole('table', { name: 'Libros recientes' });
    await user.click(within(table).getByRole('button', { name: 'Abrir andina' }));
    await waitFor(() => expect(api.callsOf('books.open')).toEqual([{ file: '/data/andina.sqlite' }]));
    window.location.hash = '#/clients';
    await waitFor(() => expect(api.callsOf('clients.list').length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(screen.queryByText('Cliente de demostración')).not.toBeInTheDocument());
  });

  it('shows the core’s refusal next to the field and stays on the same book', async () => {
    const api = booksApi();
    const user = userEvent.setup();
    renderApp('#/settings');
    await screen.findByTestId('book-current');
    await user.type(screen.getByLabelText('Archivo del libro'), '/data/cartera.sqlite');
    await user.click(screen.getByRole('button', { name: 'Crear un libro nuevo' }));
    expect(await screen.findByText('Ya existe un archivo en /data/cartera.sqlite: ábralo o elija otro nombre.')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/settings');
    expect(api.callsOf('books.current')).toHaveLength(1);
  });

  it('from the screen of a book that will not open, another book can be opened, and the app starts over', async () => {
    let broken = true;
    const damaged = { code: 'database', key: 'error.db.corrupt', params: { detail: 'page 7' }, message: 'damaged' };
    const api = fakeTransport({
      'settings.get': () => {
        if (broken) throw damaged;
        return SETTINGS;
      },
      'system.info': () => INFO,
      'recovery.status': () => ({ failure: damaged, latest: null }),
      'books.current': () => ({ file: '/data/cartera.sqlite', name: 'cartera' }),
      'books.recent': () => [{ file: '/data/andina.sqlite', name: 'andina', openedAt: '2026-11-19T12:00:00.000Z', exists: true, current: false }],
      'books.open': () => {
        broken = false;
        return { file: '/data/andina.sqlite', name: 'andina' };
      },
    });
    const user = userEvent.setup();
    renderApp('#/today'); // settings never load, so the interface speaks the browser's language (en)
    const table = await screen.findByRole('table', { name: 'Recent books' });
    await user.click(within(table).getByRole('button', { name: 'Open andina' }));
    await waitFor(() => expect(api.callsOf('books.open')).toEqual([{ file: '/data/andina.sqlite' }]));
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Recent books' })).not.toBeInTheDocument());
    expect(api.callsOf('settings.get').length).toBeGreaterThanOrEqual(2);
  });
});
