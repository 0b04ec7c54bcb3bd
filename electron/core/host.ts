import fs from 'node:fs';
import path from 'node:path';
import { openCore, type Core, type CoreOptions } from './app';
import { dropCleanMarker } from './db/cleanShutdown';
import { toApiError, type DispatchOptions } from './api';
import { backupFolder, backupIfDue, backupNow, listBackupFiles } from './backups/auto';
import { backupFolderOf, latestGoodBackup, restoreFrom } from './backups/restore';
import { copyBeforeImport } from './backups/preImport';
import type { ApiError, ApiResult } from '#shared/contract/index';
import { restoreBackup } from '#shared/contract/backups';
import type { RecoveryResult, RecoveryStatus } from '#shared/contract/recovery';
import { translate } from '#shared/i18n/index';
import { expectedSchemasReady } from './db/schemaCheck';
import { inspectDataFile } from './backups/inspect';

/**
 * What the IPC handler talks to: the opened core, or, when the file could not be opened (corrupt,
 * newer schema, locked, native module missing), a stand-in that answers every call with that one typed
 * `database` error, so the window stays up and the renderer shows a clear screen offering to restore
 * the latest good backup. The bad file is never written to; a restore keeps a copy of it.
 * Plain Node (no electron import) so it is tested like the core.
 */
export type CoreHost = {
  dispatch(method: unknown, input: unknown, opts?: DispatchOptions): Promise<ApiResult<unknown>>;
  /** backs up (reason 'quit') and closes the file */
  close(): Promise<void>;
  /** set while the file could not be opened */
  readonly failure: ApiError | null;
  /**
   * A check found the open file damaged: stop using it and answer every call like a file that would not
   * open, so the window shows the recovery screen. No backup on the way out (a damaged copy must never
   * rotate a good backup away) and no clean-shutdown marker (the next open checks the whole file).
   */
  damaged(error: ApiError): Promise<void>;
};

export type HostOptions = CoreOptions & { fallbackLocale: string; log?: (message: string) => void };

export async function openCoreHost(file: string, opts: HostOptions): Promise<CoreHost> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const locale = () => opts.locale ?? opts.fallbackLocale;
  let core: Core | null = null;
  let failure: ApiError | null = null;
  let restoring = false;

  async function open(): Promise<void> {
    await expectedSchemasReady; // backupFolderOf below compares the file's schema before reading it
    try {
      if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
      // the copy made before a migration goes with the other backups, where the user looks for them
      const backupDir = file === ':memory:' ? undefined : backupFolderOf(file, { nativeBinding: opts.nativeBinding });
      core = await openCore(file, { ...opts, ...(backupDir ? { backupDir } : {}) });
      failure = null;
    } catch (e) {
      core = null;
      failure = asDatabaseError(locale(), e);
      return;
    }
    try {
      await backupIfDue(core.ctx);
    } catch (e) {
      // a failed backup must not keep the user out of their data; it is retried next start and on quit
      log(`Cartera: the start-up backup failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function status(): RecoveryStatus {
    const latest = latestGoodBackup(backupFolderOf(file, { nativeBinding: opts.nativeBinding }), { nativeBinding: opts.nativeBinding });
    return { failure, latest: latest ? { file: latest.file, at: latest.at, counts: latest.counts } : null };
  }

  async function restoreLatest(): Promise<RecoveryResult> {
    // the open can fail on a healthy file (read-only and too old, locked, native module missing):
    // recovery replaces only a file that is actually damaged, foreign or unreadable
    if (isHealthy(file)) {
      const error = { code: 'invalid_state' as const, key: 'error.recovery.not_needed' };
      throw Object.assign(new Error('healthy'), { apiError: { ...error, message: translate(locale(), error.key) } });
    }
    const folder = backupFolderOf(file, { nativeBinding: opts.nativeBinding });
    const latest = latestGoodBackup(folder, { nativeBinding: opts.nativeBinding });
    if (!latest) {
      const error = { code: 'not_found' as const, key: 'error.recovery.no_backup', params: { folder } };
      throw Object.assign(new Error('no backup'), { apiError: { ...error, message: translate(locale(), error.key, error.params) } });
    }
    const r = await restoreFrom(file, latest.file, { nativeBinding: opts.nativeBinding, backupDir: folder });
    await open();
    if (failure) throw Object.assign(new Error('reopen failed'), { apiError: failure });
    return { restoredFrom: latest.file, at: latest.at, safetyCopy: r.safetyCopy };
  }

  /** A backup the user picked in Settings: close the file, restore (a copy of it is kept), reopen. */
  async function restoreNamed(c: Core, input: unknown): Promise<ApiResult<unknown>> {
    const parsed = restoreBackup.input.safeParse(input);
    if (!parsed.success) return c.dispatch('backups.restore', input); // the core answers the typed validation error
    const { folder } = await backupFolder(c.ctx);
    const entry = listBackupFiles(folder).find((b) => b.name === parsed.data.name);
    if (!entry) {
      const params = { name: parsed.data.name };
      return {
        ok: false,
        error: { code: 'not_found', key: 'error.restore.unknown_backup', params, message: translate(locale(), 'error.restore.unknown_backup', params) },
      };
    }
    restoring = true;
    core = null;
    try {
      await c.close();
      const r = await restoreFrom(file, entry.file, { nativeBinding: opts.nativeBinding, backupDir: folder });
      await open();
      if (failure) return { ok: false, error: failure };
      const result: RecoveryResult = { restoredFrom: entry.file, at: entry.at, safetyCopy: r.safetyCopy };
      return { ok: true, data: result };
    } catch (e) {
      // the backup was refused before anything was replaced: carry on with the file as it was
      await open();
      return { ok: false, error: toApiError(locale(), e) };
    } finally {
      restoring = false;
    }
  }

  await open();
  return {
    get failure() {
      return failure;
    },
    async dispatch(method, input, dispatchOpts) {
      // not 'database': the file is fine, only busy for the seconds a restore takes
      if (restoring) return { ok: false, error: { code: 'invalid_state', key: 'error.db.busy', message: translate(locale(), 'error.db.busy') } };
      if (core && method === 'backups.restore') return restoreNamed(core, input);
      if (core && method === 'imports.run') {
        const refused = await copyBeforeImport(core.ctx, input);
        if (refused) return refused;
      }
      if (core) return core.dispatch(method, input, dispatchOpts);
      try {
        if (method === 'recovery.status') return { ok: true, data: status() };
        if (method === 'recovery.restoreLatest') return { ok: true, data: await restoreLatest() };
      } catch (e) {
        return { ok: false, error: (e as { apiError?: ApiError }).apiError ?? toApiError(locale(), e) };
      }
      return { ok: false, error: failure! };
    },
    async damaged(error) {
      const c = core;
      core = null;
      failure = error;
      await c?.close();
      if (file !== ':memory:') dropCleanMarker(file);
    },
    async close() {
      if (!core) return;
      const c = core;
      core = null;
      try {
        await backupNow(c.ctx, null, 'quit');
      } catch (e) {
        log(`Cartera: the backup on quit failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      await c.close();
    },
  };
}

function isHealthy(file: string): boolean {
  try {
    inspectDataFile(file, { check: 'quick' });
    return true;
  } catch {
    return false;
  }
}

export function failedHost(error: ApiError): CoreHost {
  return {
    dispatch: async () => ({ ok: false, error }),
    close: async () => {},
    damaged: async () => {},
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
