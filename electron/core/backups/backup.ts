import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Ctx } from '../context';
import { CarteraError } from '../errors';

export type BackupResult = { file: string; bytes: number };

/**
 * A consistent copy through SQLite's online backup API (safe while the app writes; never a raw file
 * copy of a live WAL database), then verified with integrity_check. Refuses to overwrite anything.
 */
export async function backupTo(ctx: Ctx, dest: string, opts: { nativeBinding?: string } = {}): Promise<BackupResult> {
  const target = path.resolve(dest);
  if (target === path.resolve(ctx.file)) throw new CarteraError('invalid_state', 'error.backup.same_file');
  if (fs.existsSync(target)) throw new CarteraError('conflict', 'error.backup.exists', { file: target });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  try {
    await ctx.sqlite.backup(tmp);
    const check = new BetterSqlite3(tmp, { readonly: true, nativeBinding: opts.nativeBinding });
    try {
      const verdict = (check.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
      if (verdict !== 'ok') throw new CarteraError('database', 'error.db.corrupt', { detail: verdict.slice(0, 200) });
    } finally {
      check.close();
    }
    fs.renameSync(tmp, target); // only a verified copy ever carries the final name
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { file: target, bytes: fs.statSync(target).size };
}
