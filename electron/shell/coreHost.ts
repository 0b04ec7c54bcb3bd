import fs from 'node:fs';
import path from 'node:path';
import { openCore, type Core, type CoreOptions } from '#core/app';
import { toApiError } from '#core/api';
import type { ApiError, ApiResult } from '#shared/contract/index';
import { translate } from '#shared/i18n/index';

/**
 * What the IPC handler talks to: the opened core, or, when the file could not be opened (corrupt,
 * newer schema, locked, native module missing), a stand-in that answers every call with that one typed
 * `database` error, so the window stays up and the renderer shows a clear screen. The bad file is never
 * touched again. Plain Node (no electron import) so it is tested like the core.
 */
export type CoreHost = {
  dispatch(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  close(): Promise<void>;
  /** set when the file could not be opened */
  failure: ApiError | null;
};

export async function openCoreHost(file: string, opts: CoreOptions & { fallbackLocale: string }): Promise<CoreHost> {
  let core: Core;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    core = await openCore(file, opts);
  } catch (e) {
    return failedHost(asDatabaseError(opts.locale ?? opts.fallbackLocale, e));
  }
  return { dispatch: (m, i) => core.dispatch(m, i), close: () => core.close(), failure: null };
}

export function failedHost(error: ApiError): CoreHost {
  return {
    dispatch: async () => ({ ok: false, error }),
    close: async () => {},
    failure: error,
  };
}

/** Whatever stopped the open is reported as a database error: from the user's side the file won't open. */
export function asDatabaseError(locale: string, e: unknown): ApiError {
  const err = toApiError(locale, e);
  if (err.code === 'database') return err;
  const detail = e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300);
  return { code: 'database', key: 'error.db.unreadable', params: { detail }, message: translate(locale, 'error.db.unreadable', { detail }) };
}
