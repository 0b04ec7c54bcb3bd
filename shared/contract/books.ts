import { z } from 'zod';
import { op } from './op';
import { empty } from './schemas';

/**
 * Books: each company's accounts in its own SQLite file. The host that owns the open file (the app,
 * `npm run web`) closes it (with its quit backup) and opens another; the core alone can only say which
 * file it has. The recent list lives in a small `books.json` in the app's settings folder.
 */
export type BookInfo = {
  /** absolute path of the SQLite file */
  file: string;
  /** the file name without `.sqlite`, as the user named the book */
  name: string;
};

export type RecentBook = BookInfo & {
  /** ISO instant (UTC) the book was last opened */
  openedAt: string;
  /** false when the file is no longer there (moved, deleted, on a drive not connected) */
  exists: boolean;
  current: boolean;
};

const bookPath = z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(1000, { error: 'validation.too_long' });

export const booksCurrent = op<BookInfo>()('books.current', empty, { writes: false });
export const booksRecent = op<RecentBook[]>()('books.recent', empty, { writes: false });
/**
 * A new, empty book at a full path (`.sqlite` is added when missing); refused when a file is already
 * there. The current book is closed (backed up) and the new one becomes current.
 */
export const booksCreate = op<BookInfo>()('books.create', z.object({ file: bookPath }).strict(), { writes: false, replacesData: true });
/** Opens an existing Cartera file; one that is not a Cartera book, or is from a newer version, is refused first. */
export const booksOpen = op<BookInfo>()('books.open', z.object({ file: bookPath }).strict(), { writes: false, replacesData: true });

export const bookOps = [booksCurrent, booksRecent, booksCreate, booksOpen] as const;
