import fs from 'node:fs';

/**
 * The clean-shutdown marker: a small sidecar `<file>.clean` holding the size and times of the data file
 * as Cartera left it after closing it cleanly (last connection closed, WAL checkpointed into the file).
 * Opening takes the marker away; a crash leaves none. So at the next open, a marker that matches the
 * file means nothing has touched it since a clean close, and the whole-file quick_check can leave the
 * critical path (it then runs in the background and on every backup). Any doubt (no marker, a -wal
 * left over, the file copied, restored, written or truncated since) means the full check at open.
 * A copy of the file never has a marker: it is keyed by path and compares the inode's times.
 */
type Marker = { size: number; mtimeMs: number; ctimeMs: number; ino: number };

const markerOf = (file: string) => `${file}.clean`;

function stamp(file: string): Marker {
  const s = fs.statSync(file);
  return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
}

function walInUse(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** True when the file is exactly as a clean close left it; removes the marker either way. */
export function takeCleanMarker(file: string): boolean {
  const marker = markerOf(file);
  let saved: Marker;
  try {
    saved = JSON.parse(fs.readFileSync(marker, 'utf8')) as Marker;
  } catch {
    return false;
  }
  try {
    fs.rmSync(marker, { force: true });
  } catch {
    return false; // a marker we cannot remove would vouch for the file after a crash
  }
  if (walInUse(file)) return false;
  const now = stamp(file);
  return now.size === saved.size && now.mtimeMs === saved.mtimeMs && now.ctimeMs === saved.ctimeMs && now.ino === saved.ino;
}

/**
 * After closing: vouches for the file as it is now, unless another connection still has it open (its
 * -wal is still there), in which case that connection's close is the one that counts.
 */
export function leaveCleanMarker(file: string): void {
  try {
    if (walInUse(file) || fs.existsSync(`${file}-wal`)) return;
    fs.writeFileSync(markerOf(file), JSON.stringify(stamp(file)));
  } catch {
    // a folder we cannot write to: the next open runs the full check, as before
  }
}

/** A file found damaged must be checked in full at every open until it is restored. */
export function dropCleanMarker(file: string): void {
  fs.rmSync(markerOf(file), { force: true });
}
