import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Ctx } from '../context';
import { CarteraError } from '../errors';
import { nativeBindingOf } from '../db/open';
import { pragmaVerdict } from './inspect';
import { harden } from '../db/schemaCheck';
import { makePrivate, mkdirPrivate } from './fileSafety';

export type BackupResult = { file: string; bytes: number };

/**
 * A consistent copy through SQLite's online backup API (safe while the app writes; never a raw file
 * copy of a live WAL database), then verified with integrity_check. Refuses to overwrite anything.
 */
export async function backupTo(ctx: Ctx, dest: string, opts: { nativeBinding?: string } = {}): Promise<BackupResult> {
  const target = path.resolve(dest);
  if (target === path.resolve(ctx.file)) throw new CarteraError('invalid_state', 'error.backup.same_file');
  if (fs.existsSync(target)) throw new CarteraError('conflict', 'error.backup.exists', { file: target });
  mkdirPrivate(path.dirname(target));
  const tmp = `${target}.partial`;
  try {
    await ctx.sqlite.backup(tmp);
    sealCopy(tmp, opts.nativeBinding ?? nativeBindingOf(ctx.sqlite));
    fs.renameSync(tmp, target); // only a verified copy ever carries the final name
  } finally {
    removeWithSidecars(tmp);
  }
  return { file: target, bytes: fs.statSync(target).size };
}

/**
 * Makes a fresh copy self-contained and proves it sound: rollback-journal mode (one file, no -wal or
 * -shm to lose when it is moved or synced), flushed to disk, then integrity_check. Throws if bad.
 */
export function sealCopy(file: string, nativeBinding: string | undefined): void {
  const db = new BetterSqlite3(file, { fileMustExist: true, nativeBinding });
  try {
    harden(db);
    db.pragma('journal_mode = DELETE');
    const verdict = pragmaVerdict(db, 'integrity_check');
    if (verdict !== 'ok') throw new CarteraError('database', 'error.db.corrupt', { detail: verdict.slice(0, 200) });
  } finally {
    db.close();
  }
  makePrivate(file);
  fsyncFile(file);
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}
