import fs from 'node:fs';
import path from 'node:path';
import type { BookInfo, RecentBook } from '#shared/contract/books';
import { CarteraError } from '../errors';

/** Beside the app's settings (Electron's userData, or the same folder for `npm run web`). */
export const BOOKS_FILE = 'books.json';
export const MAX_RECENT = 10;

type Entry = { file: string; openedAt: string };
/** `last` is the book to reopen at the next start; `recent` is newest first, without duplicates. */
export type BooksState = { version: 1; last: string | null; recent: Entry[] };

const EMPTY: BooksState = { version: 1, last: null, recent: [] };

export function bookInfo(file: string): BookInfo {
  return { file, name: path.basename(file).replace(/\.sqlite$/i, '') };
}

/** The stored list; a missing or damaged books.json is an empty one (it only steers menus). */
export function readBooks(stateDir: string): BooksState {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(stateDir, BOOKS_FILE), 'utf8')) as Partial<BooksState>;
    const recent = Array.isArray(raw.recent)
      ? raw.recent.filter((e): e is Entry => typeof e?.file === 'string' && path.isAbsolute(e.file) && typeof e.openedAt === 'string').slice(0, MAX_RECENT)
      : [];
    return { version: 1, last: typeof raw.last === 'string' ? raw.last : null, recent };
  } catch {
    return { ...EMPTY, recent: [] };
  }
}

/** Puts `file` first and makes it the one to reopen; written through a temp file so a crash leaves the old list. */
export function rememberBook(stateDir: string, file: string, at: Date): BooksState {
  const before = readBooks(stateDir);
  const same = sameFile(file);
  const state: BooksState = {
    version: 1,
    last: file,
    recent: [{ file, openedAt: at.toISOString() }, ...before.recent.filter((e) => !same(e.file))].slice(0, MAX_RECENT),
  };
  fs.mkdirSync(stateDir, { recursive: true });
  const target = path.join(stateDir, BOOKS_FILE);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(tmp, target);
  return state;
}

export function recentBooks(stateDir: string, current: string): RecentBook[] {
  const isCurrent = sameFile(current);
  return readBooks(stateDir).recent.map((e) => ({ ...bookInfo(e.file), openedAt: e.openedAt, exists: fs.existsSync(e.file), current: isCurrent(e.file) }));
}

/**
 * The book to open at start: the one named explicitly (--db, CARTERA_DB) or else the last one opened,
 * when it is still there, or else the default file.
 */
export function startupBook(stateDir: string, explicit: string | null | undefined, fallback: string): string {
  if (explicit) return path.resolve(explicit);
  const last = readBooks(stateDir).last;
  return last && fs.existsSync(last) ? last : fallback;
}

/**
 * A path typed by the user or chosen in a dialog, checked before the current book is closed: full
 * path; for a new book `.sqlite` is added when missing and nothing may be there yet.
 */
export function bookTarget(file: string, mode: 'open' | 'create'): string {
  const given = file.trim();
  if (!path.isAbsolute(given) || given.includes('\0')) throw new CarteraError('validation', 'error.books.path_invalid', { file: given.slice(0, 300) });
  let target = path.resolve(given);
  if (mode === 'create') {
    if (!/\.sqlite$/i.test(target)) target += '.sqlite';
    if (fs.existsSync(target)) throw new CarteraError('conflict', 'error.books.exists', { file: target });
    return target;
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch {
    throw new CarteraError('not_found', 'error.books.not_found', { file: target });
  }
  if (!st.isFile()) throw new CarteraError('not_found', 'error.books.not_found', { file: target });
  return target;
}

/** Windows and macOS file systems ignore case; Linux does not. */
function sameFile(a: string): (b: string) => boolean {
  const fold = process.platform === 'win32' || process.platform === 'darwin';
  const norm = (p: string) => (fold ? path.resolve(p).toLowerCase() : path.resolve(p));
  const x = norm(a);
  return (b) => norm(b) === x;
}
