import path from 'node:path';
import { dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { BooksHost } from '#core/books/host';
import type { BookInfo } from '#shared/contract/books';
import { languageOf, type Language } from '#shared/i18n/index';

type BookKey = 'newBook' | 'openBook' | 'recentBooks' | 'noRecent' | 'missing' | 'bookFilter' | 'cannotOpen';
export type BookStrings = Record<BookKey, string>;

const STRINGS: Record<Language, BookStrings> = {
  es: {
    newBook: 'Nuevo libro…',
    openBook: 'Abrir libro…',
    recentBooks: 'Libros recientes',
    noRecent: 'Ninguno todavía',
    missing: 'no encontrado',
    bookFilter: 'Libro de Cartera',
    cannotOpen: 'No se pudo abrir el libro',
  },
  en: {
    newBook: 'New book…',
    openBook: 'Open book…',
    recentBooks: 'Recent books',
    noRecent: 'None yet',
    missing: 'not found',
    bookFilter: 'Cartera book',
    cannotOpen: 'The book could not be opened',
  },
};

export function bookStrings(locale: string): BookStrings {
  return STRINGS[languageOf(locale)];
}

/**
 * File → New book / Open book (native dialogs) / Recent books. After a switch the renderer is told
 * ('book:changed') so it drops every store, and the menu is rebuilt for the new recent list.
 */
/** What the menu needs of the books host: the open file, the recent list and a way to switch. */
export type BookMenuSource = Pick<BooksHost, 'file' | 'recent'> & {
  switchTo(file: string, mode: 'open' | 'create'): Promise<{ ok: true; data: BookInfo } | { ok: false; error: { message: string } }>;
};

export function bookMenuItems(
  host: BookMenuSource,
  s: BookStrings,
  deps: { window: () => BrowserWindow | null; documents: string; changed: () => void },
): MenuItemConstructorOptions[] {
  async function switchTo(file: string, mode: 'open' | 'create') {
    const r = await host.switchTo(file, mode);
    const win = deps.window();
    if (!r.ok) {
      const opts = { type: 'error' as const, message: s.cannotOpen, detail: r.error.message };
      await (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
      return;
    }
    if (win && !win.webContents.isDestroyed()) win.webContents.send('book:changed', r.data);
    deps.changed();
  }
  const filters = [{ name: s.bookFilter, extensions: ['sqlite'] }];
  const here = () => path.dirname(host.file);
  async function newBook() {
    const win = deps.window();
    const opts = { title: s.newBook, defaultPath: path.join(here() || deps.documents, 'cartera-2.sqlite'), filters };
    const r = await (win ? dialog.showSaveDialog(win, opts) : dialog.showSaveDialog(opts));
    if (!r.canceled && r.filePath) await switchTo(r.filePath, 'create');
  }
  async function openBook() {
    const win = deps.window();
    const opts = { title: s.openBook, defaultPath: here() || deps.documents, filters, properties: ['openFile' as const] };
    const r = await (win ? dialog.showOpenDialog(win, opts) : dialog.showOpenDialog(opts));
    if (!r.canceled && r.filePaths[0]) await switchTo(r.filePaths[0], 'open');
  }
  const recent = host.recent().filter((b) => !b.current);
  return [
    { label: s.newBook, accelerator: 'CmdOrCtrl+Shift+N', click: () => void newBook() },
    { label: s.openBook, accelerator: 'CmdOrCtrl+O', click: () => void openBook() },
    {
      label: s.recentBooks,
      submenu: recent.length
        ? recent.map((b) => ({
            label: b.exists ? `${b.name} — ${b.file}` : `${b.name} (${s.missing})`,
            enabled: b.exists,
            click: () => void switchTo(b.file, 'open'),
          }))
        : [{ label: s.noRecent, enabled: false }],
    },
    { type: 'separator' },
  ];
}
