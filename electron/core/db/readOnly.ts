import fs from 'node:fs';

/**
 * A book the user (or the file system) made read-only opens read-only instead of failing on the first
 * pragma: it can be looked at, aged and exported, and every write says why it is refused. "Read-only"
 * is either no write permission for us, or no write bit at all (so a file marked read-only stays so
 * even for an administrator, whom the OS would otherwise let write).
 */
export function isReadOnlyFile(file: string): boolean {
  if (file === ':memory:') return false;
  try {
    const st = fs.statSync(file);
    if (process.platform !== 'win32' && (st.mode & 0o222) === 0) return true;
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch (e) {
    return (e as { code?: string }).code === 'EACCES' || (e as { code?: string }).code === 'EPERM' || (e as { code?: string }).code === 'EROFS';
  }
}
