import fs from 'node:fs';
import path from 'node:path';
import type { BackupFileInfo, BackupListEntry, BackupStatus } from '#shared/contract/backups';
import { backupFileName, isBackupDue, parseBackupFileName, rotationPlan, type BackupReason } from '#shared/domain/backupRotation';
import { translate } from '#shared/i18n/index';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nativeBindingOf } from '../db/open';
import { CarteraError } from '../errors';
import { backupTo, removeWithSidecars } from './backup';
import { inspectDataFile } from './inspect';
import { assertPrivateFolder } from './fileSafety';
import { backupFailure, clearBackupFailure, recordBackupFailure } from './failure';

/** app_settings key of the folder the user chose (e.g. a synced folder); absent = the default. */
export const BACKUP_DIR_KEY = 'backup.dir';

/**
 * app_settings keys that describe this machine, not the book (folders, the last backup failure): a
 * full import never takes them from an archive, which could otherwise point backups at another folder.
 */
export function isMachineLocalSetting(key: string): boolean {
  return key.startsWith('backup.');
}

/** `<folder of the data file>/backups`: next to the data, where a clerk will look for it. */
export function defaultBackupFolder(dataFile: string): string {
  return path.join(path.dirname(path.resolve(dataFile)), 'backups');
}

export async function backupFolder(ctx: Ctx): Promise<{ folder: string; isDefault: boolean }> {
  const row = await ctx.db.selectFrom('appSettings').select('value').where('key', '=', BACKUP_DIR_KEY).executeTakeFirst();
  return row ? { folder: row.value, isDefault: false } : { folder: defaultBackupFolder(ctx.file), isDefault: true };
}

/** The automatic backups in a folder (files named by backupFileName), newest first; a missing folder has none. */
export function listBackupFiles(dir: string): BackupFileInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupFileInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    try {
      out.push({ file, name, at: parsed.at.toISOString(), bytes: fs.statSync(file).size, reason: parsed.reason });
    } catch {
      // vanished between readdir and stat (another instance rotating): not a backup any more
    }
  }
  return out.sort((a, b) => (a.at === b.at ? (a.name < b.name ? 1 : -1) : a.at < b.at ? 1 : -1));
}

/** Deletes what the rotation policy no longer keeps; returns the deleted paths. */
export function rotateBackups(dir: string, now: Date): string[] {
  const files = listBackupFiles(dir);
  const doomed = rotationPlan(
    files.map((f) => ({ id: f.file, at: new Date(f.at), reason: f.reason })),
    now,
  );
  for (const f of doomed) removeWithSidecars(f);
  return doomed;
}

/**
 * Backs up now into the backup folder (or `dir`), verified, then rotates. The shell calls it on quit
 * ('quit') and before restores; Settings' button uses 'manual'. Never throws away the new copy.
 */
export async function backupNow(ctx: Ctx, dir: string | null | undefined, reason: BackupReason): Promise<BackupFileInfo> {
  try {
    const info = await backupNowUnrecorded(ctx, dir, reason);
    clearBackupFailure(ctx);
    return info;
  } catch (e) {
    recordBackupFailure(ctx, reason, e);
    throw e;
  }
}

async function backupNowUnrecorded(ctx: Ctx, dir: string | null | undefined, reason: BackupReason): Promise<BackupFileInfo> {
  const folder = dir ?? (await backupFolder(ctx)).folder;
  assertPrivateFolder(folder);
  const now = ctx.clock.now();
  let n = 1;
  while (fs.existsSync(path.join(folder, backupFileName(now, reason, n)))) n++;
  const name = backupFileName(now, reason, n);
  const r = await backupTo(ctx, path.join(folder, name));
  rotateBackups(folder, now);
  return { file: r.file, name, at: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(), bytes: r.bytes, reason };
}

/** At start: a backup when the last is a day old or more (or there is none). Returns it, or null. */
export async function backupIfDue(ctx: Ctx, dir?: string | null): Promise<BackupFileInfo | null> {
  const folder = dir ?? (await backupFolder(ctx)).folder;
  const last = listBackupFiles(folder)[0];
  if (!isBackupDue(last ? new Date(last.at) : null, ctx.clock.now())) return null;
  return backupNow(ctx, folder, 'auto');
}

export async function backupStatus(ctx: Ctx): Promise<BackupStatus> {
  const { folder, isDefault } = await backupFolder(ctx);
  const last = listBackupFiles(folder)[0] ?? null;
  return { folder, isDefaultFolder: isDefault, last, due: isBackupDue(last ? new Date(last.at) : null, ctx.clock.now()), failure: backupFailure(ctx) };
}

/** Every backup with what it holds, read read-only; a backup that cannot be read says why instead. */
export async function backupList(ctx: Ctx): Promise<BackupListEntry[]> {
  const { folder } = await backupFolder(ctx);
  const binding = nativeBindingOf(ctx.sqlite);
  return listBackupFiles(folder).map((f) => {
    try {
      const info = inspectDataFile(f.file, { nativeBinding: binding, check: 'none' });
      return { ...f, schemaVersion: info.schemaVersion, counts: info.counts, problem: null };
    } catch (e) {
      const problem = e instanceof CarteraError ? translate(ctx.locale, e.key, e.params) : String(e).slice(0, 200);
      return { ...f, schemaVersion: null, counts: null, problem };
    }
  });
}

/**
 * Changes the backup folder: it must be an existing folder Cartera can write in (checked by writing
 * and removing a probe file). null goes back to the default. Runs in dispatch's transaction.
 */
export async function setBackupFolder(ctx: Ctx, folder: string | null): Promise<BackupStatus> {
  const before = await backupFolder(ctx);
  if (folder === null) {
    await ctx.db.deleteFrom('appSettings').where('key', '=', BACKUP_DIR_KEY).execute();
  } else {
    assertWritableFolder(folder);
    assertPrivateFolder(folder);
    const value = path.resolve(folder);
    await ctx.db
      .insertInto('appSettings')
      .values({ key: BACKUP_DIR_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
  const status = await backupStatus(ctx);
  await audit(ctx, {
    entity: 'settings',
    entityId: null,
    action: 'backup.folder',
    before: { folder: before.isDefault ? null : before.folder },
    after: { folder: status.isDefaultFolder ? null : status.folder },
  });
  return status;
}

export function assertWritableFolder(folder: string): void {
  if (!path.isAbsolute(folder) || folder.includes('\0')) throw new CarteraError('validation', 'error.backup.folder_invalid', { folder: folder.slice(0, 200) });
  let st: fs.Stats;
  try {
    st = fs.statSync(folder);
  } catch {
    throw new CarteraError('validation', 'error.backup.folder_invalid', { folder: folder.slice(0, 200) });
  }
  if (!st.isDirectory()) throw new CarteraError('validation', 'error.backup.folder_invalid', { folder: folder.slice(0, 200) });
  const probe = path.join(folder, `.cartera-write-test-${process.pid}-${Date.now()}`);
  try {
    fs.writeFileSync(probe, 'ok');
  } catch (e) {
    throw new CarteraError('validation', 'error.backup.folder_not_writable', {
      folder: folder.slice(0, 200),
      detail: (e as { code?: string }).code ?? 'error',
    });
  } finally {
    fs.rmSync(probe, { force: true });
  }
}
