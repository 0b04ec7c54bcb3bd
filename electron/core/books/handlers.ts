import type { Handlers } from '../api';
import { CarteraError } from '../errors';
import { bookInfo } from './recent';

/**
 * The core knows its own file; switching books closes that file, so only the host around the core
 * (electron/core/books/host.ts) can do it. Over the CLI or a bare core these say so.
 */
export const bookHandlers: Pick<Handlers, 'books.current' | 'books.recent' | 'books.create' | 'books.open'> = {
  'books.current': async (ctx) => bookInfo(ctx.file),
  'books.recent': async () => {
    throw new CarteraError('invalid_state', 'error.books.needs_host');
  },
  'books.create': async () => {
    throw new CarteraError('invalid_state', 'error.books.needs_host');
  },
  'books.open': async () => {
    throw new CarteraError('invalid_state', 'error.books.needs_host');
  },
};
