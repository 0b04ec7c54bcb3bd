import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { backupFileName, parseBackupFileName } from '#shared/domain/backupRotation';
import { CarteraError } from '../errors';
import { fsyncFile, removeWithSidecars, sealCopy } from './backup';
import { asDbError, inspectDataFile, withReadonly, type FileInfo } from './inspect';
import { defaultBackupFolder, listBackupFiles } from './auto';
import { expectedSchemasReady, harden, verifySchema } from '../db/schemaCheck';
import { assertSafeSource, makePrivate, mkdirPrivate } from './fileSafety';

export type BackupInfo = FileInfo & {
  /** when the backup was made: from its name when it has ours, else the file's modification time */
  at: string;
};

export type RestoreOptions = {
  nativeBinding?: string;
  /** where the safety copy of the current file goes; default `<data file dir>/backups` */
  backupDir?: string;
  now?: () => Date;
};

export type RestoreResult = {
  restored: BackupInfo;
  /** the copy of the file that was replaced: a verified backup, or a raw copy when it would not open */
  safetyCopy: string | null;
  safetyCopyKind: 'backup' | 'raw' | null;
};

/** What to show before the user confirms a restore: validated fully (integrity_check), never changed. */
export function describeBackup(file: string, opts: { nativeBinding?: string } = {}): BackupInfo {
  const info = inspectDataFile(file, { nativeBinding: opts.nativeBinding, check: 'integrity' });
  const parsed = parseBackupFileName(path.basename(file));
  return { ...info, at: (parsed?.at ?? fs.statSync(file).mtime).toISOString() };
}

/**
 * Replaces the data file with a backup. The data file must be closed (the app closes it first).
 * Order: validate the backup → keep a copy of the current file → build the new file beside it from
 * the backup through the backup API, verified → drop the old -wal/-shm → rename over. A crash at any
 * point leaves either the old file or the new one under the data file's name, never a mixture.
 */
export async function restoreFrom(currentFile: string, backupFile: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const current = path.resolve(currentFile);
  const source = path.resolve(backupFile);
  if (current === source) throw new CarteraError('invalid_state', 'error.restore.same_file');
  await expectedSchemasReady;
  assertSafeSource(source);
  const restored = describeBackup(source, opts);
  const now = opts.now?.() ?? new Date();
  const { file: safetyCopy, kind } = await keepCurrent(current, opts.backupDir ?? backupFolderOf(current, opts), now, opts.nativeBinding);

  const tmp = `${current}.restoring`;
  removeWithSidecars(tmp);
  try {
    const src = new BetterSqlite3(source, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding });
    try {
      harden(src);
      await src.backup(tmp);
    } finally {
      src.close();
    }
    sealCopy(tmp, opts.nativeBinding);
    // The old WAL belongs to the old file: replayed onto the new one it would corrupt it. Its content
    // is in the safety copy, and the rename below is atomic.
    fs.rmSync(`${current}-wal`, { force: true });
    fs.rmSync(`${current}-shm`, { force: true });
    fs.renameSync(tmp, current);
    fsyncDir(path.dirname(current));
  } catch (e) {
    throw asDbError(e);
  } finally {
    removeWithSidecars(tmp);
  }
  return { restored, safetyCopy, safetyCopyKind: kind };
}

/** A verified backup of the current file when it opens; a raw copy (with its -wal) when it does not. */
async function keepCurrent(
  current: string,
  dir: string,
  now: Date,
  nativeBinding: string | undefined,
): Promise<{ file: string | null; kind: RestoreResult['safetyCopyKind'] }> {
  if (!fs.existsSync(current) || fs.statSync(current).size === 0) return { file: null, kind: null };
  mkdirPrivate(dir);
  let n = 1;
  while (fs.existsSync(path.join(dir, backupFileName(now, 'pre-restore', n)))) n++;
  const dest = path.join(dir, backupFileName(now, 'pre-restore', n));
  const tmp = `${dest}.partial`;
  try {
    const db = new BetterSqlite3(current, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      harden(db);
      await db.backup(tmp);
    } finally {
      db.close();
    }
    sealCopy(tmp, nativeBinding);
    fs.renameSync(tmp, dest);
    return { file: dest, kind: 'backup' };
  } catch {
    // A damaged file still holds the user's data: keep its bytes, untouched, for a specialist.
    removeWithSidecars(tmp);
    const raw = path.join(dir, `${path.basename(current)}.damaged-${backupFileName(now, 'pre-restore', n).slice(8, 23)}`);
    fs.copyFileSync(current, raw, fs.constants.COPYFILE_EXCL);
    if (fs.existsSync(`${current}-wal`)) fs.copyFileSync(`${current}-wal`, `${raw}-wal`, fs.constants.COPYFILE_EXCL);
    makePrivate(raw);
    makePrivate(`${raw}-wal`);
    fsyncFile(raw);
    return { file: raw, kind: 'raw' };
  } finally {
    removeWithSidecars(tmp);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not supported on Windows: the rename is still atomic there, only its durability is the OS's
  }
}

/**
 * For the "restore the latest good backup" offer when the data file will not open: the newest backup
 * in the folder that passes integrity_check and is not from a newer version, or null if none does.
 */
export function latestGoodBackup(dir: string, opts: { nativeBinding?: string } = {}): BackupInfo | null {
  for (const f of listBackupFiles(dir)) {
    try {
      return describeBackup(f.file, opts);
    } catch {
      // damaged or newer: try the next older one
    }
  }
  return null;
}

/**
 * The backup folder a data file uses: its `backup.dir` setting read read-only when the file opens,
 * else the default beside it. The shell should also remember the folder itself, for files that won't open.
 */
export function backupFolderOf(dataFile: string, opts: { nativeBinding?: string } = {}): string {
  try {
    const row = withReadonly(dataFile, opts.nativeBinding, (db) => {
      verifySchema(db); // app_settings could be a planted (even recursive) view
      return db.prepare("SELECT value FROM app_settings WHERE key = 'backup.dir'").get() as { value: string } | undefined;
    });
    if (row?.value) return row.value;
  } catch {
    // unreadable or not ours: the default
  }
  return defaultBackupFolder(dataFile);
}
