import type { BackupFailure } from '#shared/contract/backups';
import { translate } from '#shared/i18n/index';
import type { Ctx } from '../context';
import { CarteraError } from '../errors';

/**
 * The last backup that failed (at start, on quit, or from Settings), shown as a banner and in Settings
 * until a backup succeeds. Kept in app_settings so a failure on quit is still shown at the next start,
 * and in memory too for a read-only book, where it cannot be written.
 */
export const BACKUP_FAILURE_KEY = 'backup.lastFailure';
type Stored = { at: string; reason: string; key: string; params: Record<string, string | number> };
const inMemory = new WeakMap<object, Stored>();

export function recordBackupFailure(ctx: Ctx, reason: string, e: unknown): void {
  const stored: Stored =
    e instanceof CarteraError
      ? { at: ctx.clock.now().toISOString(), reason, key: e.key, params: e.params }
      : {
          at: ctx.clock.now().toISOString(),
          reason,
          key: 'error.backup.failed',
          params: { detail: (e instanceof Error ? e.message : String(e)).slice(0, 200) },
        };
  inMemory.set(ctx.sqlite, stored);
  try {
    ctx.sqlite
      .prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(BACKUP_FAILURE_KEY, JSON.stringify(stored));
  } catch {
    // a read-only or busy book: the in-memory record still shows it for this session
  }
}

export function clearBackupFailure(ctx: Ctx): void {
  inMemory.delete(ctx.sqlite);
  try {
    ctx.sqlite.prepare('DELETE FROM app_settings WHERE key = ?').run(BACKUP_FAILURE_KEY);
  } catch {
    // read-only book: nothing was stored in it
  }
}

export function backupFailure(ctx: Ctx): BackupFailure | null {
  let stored = inMemory.get(ctx.sqlite) ?? null;
  if (!stored) {
    const row = ctx.sqlite.prepare('SELECT value FROM app_settings WHERE key = ?').get(BACKUP_FAILURE_KEY) as { value: string } | undefined;
    try {
      stored = row ? (JSON.parse(row.value) as Stored) : null;
    } catch {
      stored = null;
    }
  }
  if (!stored) return null;
  return { at: stored.at, reason: stored.reason, message: translate(ctx.locale, stored.key, stored.params) };
}
