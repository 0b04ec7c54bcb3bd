import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a whole file or nothing: to a temporary name in the same folder (so the rename is atomic),
 * flushed to disk, then renamed over `file`. On any failure (a full disk, a kill between steps is
 * the rename's job) the temporary file is removed and `file` is as it was. Files are created 0600:
 * exports hold the book's data.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fsyncFolder(path.dirname(file));
}

function fsyncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not supported on Windows; the rename is atomic there all the same
  }
}
