import fs from 'node:fs';
import path from 'node:path';
import { CarteraError } from '../errors';

/**
 * The book and its copies are private to the user who runs Cartera: files 0600, the backup folder
 * 0700, and nothing is written into, or restored from, a place another local user can change (they
 * could plant a file, or swap a backup before it is restored). POSIX permissions only: on Windows the
 * user's profile ACLs do this job and these are no-ops.
 */
const POSIX = process.platform !== 'win32';
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/** Creates an empty file readable by its owner only (SQLite then gives its -wal and -shm the same mode). */
export function createPrivateFile(file: string): void {
  if (fs.existsSync(file)) return;
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE));
}

/** Takes away group and other permissions from a file we own; never adds any (a 0444 file stays read-only). */
export function makePrivate(file: string): void {
  if (!POSIX) return;
  try {
    const st = fs.statSync(file);
    if (st.uid === process.getuid?.() && (st.mode & 0o077) !== 0) fs.chmodSync(file, st.mode & 0o700);
  } catch {
    // vanished or not ours: nothing to tighten
  }
}

export function makePrivateWithSidecars(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) makePrivate(f);
}

/** mkdir -p with mode 0700 for the folders it creates. */
export function mkdirPrivate(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** Why another local user could change this path, or null when only we (or root) can. */
export function foreignWriter(p: string, st: fs.Stats = fs.statSync(p)): string | null {
  if (!POSIX) return null;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid && st.uid !== 0) return `owner uid ${st.uid}`;
  // a sticky folder (like /tmp) lets others add files, but not replace or change ours
  if ((st.mode & 0o022) !== 0 && !(st.isDirectory() && (st.mode & 0o1000) !== 0)) return `mode ${(st.mode & 0o777).toString(8).padStart(3, '0')}`;
  return null;
}

/** A backup folder must be writable by us only. */
export function assertPrivateFolder(folder: string): void {
  let why: string | null;
  try {
    const st = fs.statSync(folder);
    why = foreignWriter(folder, st) ?? (st.isDirectory() && (st.mode & 0o1000) !== 0 && (st.mode & 0o002) !== 0 ? 'shared folder' : null);
  } catch {
    return; // a missing folder is created 0700 by whoever writes the backup
  }
  if (why) throw new CarteraError('validation', 'error.file.unsafe_folder', { folder: folder.slice(0, 200), detail: why });
}

/** A file to restore must not be changeable by another user, nor be in a folder where they could swap it. */
export function assertSafeSource(file: string): void {
  let why: string | null = null;
  try {
    why = foreignWriter(file) ?? foreignWriter(path.dirname(file));
  } catch {
    return; // missing: inspectDataFile says so in its own words
  }
  if (why) throw new CarteraError('validation', 'error.file.unsafe_source', { file: file.slice(0, 200), detail: why });
}
