import { createStore } from 'zustand/vanilla';
import type { BookInfo, RecentBook } from '#shared/contract/books';
import { call } from '../../api/client';
import { bookChanged } from '../../app/bookSwitch';

export type BooksState = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  current: BookInfo | null;
  recent: RecentBook[];
  /** a switch in progress: the current book is being backed up and closed */
  switching: boolean;
  load(): Promise<void>;
  /** opens an existing book or creates a new one; on success every store is replaced */
  open(file: string, mode: 'open' | 'create'): Promise<BookInfo>;
};

export function createBooksStore() {
  return createStore<BooksState>()((set, get) => ({
    status: 'idle',
    error: null,
    current: null,
    recent: [],
    switching: false,
    async load() {
      set({ status: get().current ? 'ready' : 'loading', error: null });
      try {
        const [current, recent] = await Promise.all([call('books.current', {}), call('books.recent', {})]);
        set({ status: 'ready', current, recent });
      } catch (error) {
        set({ status: 'error', error });
      }
    },
    async open(file, mode) {
      set({ switching: true });
      try {
        const book = await call(mode === 'create' ? 'books.create' : 'books.open', { file });
        bookChanged();
        return book;
      } finally {
        set({ switching: false });
      }
    },
  }));
}
