import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { cli } from '../safety/helpers';
import { freshCore } from '../../support/core';

/** Issue 10 item 3: a crafted archive must not redirect backups nor leave a column to its default. */
async function exported(mutate?: (core: Awaited<ReturnType<typeof freshCore>>) => Promise<void>) {
  const core = await freshCore();
  await core.call('clients.create', { code: 'C1', name: 'Andina' });
  await mutate?.(core);
  await core.close();
  const zip = path.join(core.dir, 'all.zip');
  expect(await cli('--db', core.ctx.file, 'export', '--out', zip)).toMatchObject({ code: 0 });
  return { dir: core.dir, zip };
}

/** Rewrites one table of an archive (manifest columns and checksum kept consistent, as an attacker would). */
function rewrite(zip: string, table: string, fn: (rows: string[][]) => string[][]): void {
  const files = unzipSync(fs.readFileSync(zip));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  const lines = strFromU8(files[`tables/${table}.csv`]!)
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(','));
  const out = fn(lines);
  const text = out.map((r) => r.join(',')).join('\r\n') + '\r\n';
  files[`tables/${table}.csv`] = strToU8(text);
  manifest.tables[table].columns = out[0];
  manifest.tables[table].sha256 = crypto.createHash('sha256').update(strToU8(text)).digest('hex');
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  fs.writeFileSync(zip, zipSync(files));
}

describe('import-all of a crafted archive', () => {
  it('never imports machine-local settings such as backup.dir; book settings still come across', async () => {
    const { dir, zip } = await exported(async (core) => {
      const folder = path.join(core.dir, 'elsewhere');
      fs.mkdirSync(folder, { mode: 0o700 });
      await core.call('backups.setFolder', { folder });
      core.ctx.sqlite.prepare("INSERT INTO app_settings (key, value) VALUES ('book.flag', 'kept')").run();
    });
    expect(strFromU8(unzipSync(fs.readFileSync(zip))['tables/app_settings.csv']!)).toContain('backup.dir');
    const target = path.join(dir, 'imported.sqlite');
    expect(await cli('--db', target, 'import-all', zip)).toMatchObject({ code: 0 });
    const db = new BetterSqlite3(target, { readonly: true });
    const keys = (db.prepare('SELECT key FROM app_settings ORDER BY key').all() as { key: string }[]).map((r) => r.key);
    db.close();
    expect(keys).toContain('book.flag');
    expect(keys.filter((k) => k.startsWith('backup.'))).toEqual([]);
  });

  it('refuses an archive missing a column the schema version has, and writes nothing', async () => {
    const { dir, zip } = await exported();
    rewrite(zip, 'clients', (rows) => {
      const drop = rows[0]!.indexOf('created_at');
      return rows.map((r) => r.filter((_, i) => i !== drop));
    });
    const target = path.join(dir, 'imported.sqlite');
    const r = await cli('--db', target, 'import-all', zip);
    expect(r.code).toBe(1);
    expect(r.err).toContain('column clients.created_at missing');
    expect(fs.existsSync(target)).toBe(false);
  });
});
