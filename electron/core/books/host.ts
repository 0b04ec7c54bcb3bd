import type { ApiError, ApiResult } from '#shared/contract/index';
import { booksCreate, booksOpen, type BookInfo, type RecentBook } from '#shared/contract/books';
import { translate } from '#shared/i18n/index';
import { toApiError } from '../api';
import { inspectDataFile } from '../backups/inspect';
import { openCoreHost, type CoreHost, type HostOptions } from '../host';
import { bookInfo, bookTarget, recentBooks, rememberBook } from './recent';

/**
 * The host with books: the same CoreHost the app and `npm run web` talk to, around whichever book is
 * open now. `books.*` are answered here; every other call goes to the current book's host. Switching
 * closes the current book (its quit backup included), opens the other and remembers it in books.json;
 * a book that cannot be opened is refused before the current one is closed.
 */
export type BooksHost = CoreHost & {
  readonly file: string;
  recent(): RecentBook[];
  switchTo(file: string, mode: 'open' | 'create'): Promise<ApiResult<BookInfo>>;
};

export type BooksHostOptions = HostOptions & {
  /** the folder that holds books.json (the app's settings folder) */
  stateDir: string;
  now?: () => Date;
};

export async function openBooksHost(file: string, opts: BooksHostOptions): Promise<BooksHost> {
  const now = opts.now ?? (() => opts.clock.now());
  const locale = () => opts.locale ?? opts.fallbackLocale;
  let currentFile = file;
  let host = await openCoreHost(file, opts);
  let switching = false;
  if (!host.failure && file !== ':memory:') rememberBook(opts.stateDir, file, now());

  const fail = (error: ApiError): ApiResult<BookInfo> => ({ ok: false, error });

  async function switchTo(given: string, mode: 'open' | 'create'): Promise<ApiResult<BookInfo>> {
    if (switching) return fail(busy());
    let target: string;
    try {
      target = bookTarget(given, mode);
      if (mode === 'open' && target !== currentFile) inspectDataFile(target, { nativeBinding: opts.nativeBinding, check: 'none' });
    } catch (e) {
      return fail(toApiError(locale(), e));
    }
    if (target === currentFile) return { ok: true, data: bookInfo(currentFile) };
    switching = true;
    try {
      await host.close();
      const next = await openCoreHost(target, opts);
      if (next.failure) {
        // it passed the check but would not open (locked, damaged deeper): back to the book we had
        const error = next.failure;
        await next.close();
        host = await openCoreHost(currentFile, opts);
        return fail(error);
      }
      host = next;
      currentFile = target;
      rememberBook(opts.stateDir, target, now());
      return { ok: true, data: bookInfo(target) };
    } finally {
      switching = false;
    }
  }

  function busy(): ApiError {
    return { code: 'invalid_state', key: 'error.db.busy', message: translate(locale(), 'error.db.busy') };
  }

  async function bookCall(method: 'books.create' | 'books.open', input: unknown): Promise<ApiResult<unknown>> {
    const parsed = (method === 'books.create' ? booksCreate : booksOpen).input.safeParse(input ?? {});
    if (!parsed.success) {
      const params = { file: typeof (input as { file?: unknown })?.file === 'string' ? String((input as { file: string }).file).slice(0, 300) : '' };
      return fail({ code: 'validation', key: 'error.books.path_invalid', params, message: translate(locale(), 'error.books.path_invalid', params) });
    }
    return switchTo(parsed.data.file, method === 'books.create' ? 'create' : 'open');
  }

  return {
    get file() {
      return currentFile;
    },
    get failure() {
      return host.failure;
    },
    recent: () => recentBooks(opts.stateDir, currentFile),
    switchTo,
    async dispatch(method, input, dispatchOpts) {
      if (switching) return fail(busy());
      if (method === 'books.current') return { ok: true, data: bookInfo(currentFile) };
      if (method === 'books.recent') return { ok: true, data: recentBooks(opts.stateDir, currentFile) };
      if (method === 'books.create' || method === 'books.open') return bookCall(method, input);
      return host.dispatch(method, input, dispatchOpts);
    },
    damaged: (error) => host.damaged(error),
    close: () => host.close(),
  };
}
