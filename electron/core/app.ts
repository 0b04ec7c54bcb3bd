import type { ApiResult, InputOf, Method, OutputOf } from '#shared/contract/index';
import type { Clock } from '#shared/domain/dates';
import { dispatch, type DispatchOptions } from './api';
import type { Ctx } from './context';
import { openDatabase, type OpenOptions } from './db/open';
import { getSettings } from './settings/service';

export type Core = {
  ctx: Ctx;
  /** untyped entry for transports: never throws */
  dispatch(method: unknown, input: unknown, opts?: DispatchOptions): Promise<ApiResult<unknown>>;
  /** typed entry for the CLI and tests: throws the ApiError on failure */
  call<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  close(): Promise<void>;
};

export type CoreOptions = OpenOptions & { clock: Clock; appVersion?: string; locale?: string };

export const APP_VERSION = '0.1.0';

/** Opens a data file and wires the services: what the Electron main process, the CLI and tests all use. */
export async function openCore(file: string, opts: CoreOptions): Promise<Core> {
  const database = await openDatabase(file, opts);
  const ctx: Ctx = {
    db: database.db,
    sqlite: database.sqlite,
    file,
    clock: opts.clock,
    locale: opts.locale ?? 'es',
    appVersion: opts.appVersion ?? APP_VERSION,
    readOnly: database.readonly,
  };
  if (!opts.locale) ctx.locale = (await getSettings(ctx)).locale;
  const run = async (method: unknown, input: unknown, dispatchOpts?: DispatchOptions) => {
    const result = await dispatch(ctx, method, input, dispatchOpts);
    // the language of messages follows the settings as soon as they change
    if (result.ok && (method === 'settings.update' || method === 'demo.load') && !opts.locale) ctx.locale = (await getSettings(ctx)).locale;
    return result;
  };
  return {
    ctx,
    dispatch: run,
    async call(method, input) {
      const r = await run(method, input);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { apiError: r.error });
      return r.data as never;
    },
    close: () => database.close(),
  };
}

/** The real clock: today is the user's calendar date in their time zone. */
export function systemClock(timeZone?: string): Clock {
  // made on first use: the time-zone data costs ~10 ms, which a CLI command given its dates never needs
  let format: Intl.DateTimeFormat | null = null;
  return {
    now: () => new Date(),
    today: () => {
      format ??= new Intl.DateTimeFormat('en-CA', {
        timeZone: timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      return format.format(new Date()) as ReturnType<Clock['today']>;
    },
  };
}
