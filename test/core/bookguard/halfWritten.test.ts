import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql, type Migration } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '#core/exports/atomicWrite';
import { CarteraSqliteDialect } from '#core/db/sqliteDialect';
import { runCli } from '../../support/cli';

/** Issue 10 item 9: exports and migrations are whole or absent, never half-written under their name. */
afterEach(() => vi.restoreAllMocks());
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-half-'));

function diskFullAfter(bytes: number): void {
  const real = fs.writeSync.bind(fs) as (fd: number, b: Uint8Array, o: number, l: number) => number;
  let written = 0;
  vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, b: Uint8Array, offset: number, length: number) => {
    if (written + length > bytes) {
      const n = real(fd, b, offset, Math.max(0, bytes - written));
      written += n;
      if (n === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return n;
    }
    written += length;
    return real(fd, b, offset, length);
  }) as typeof fs.writeSync);
}

describe('half-written files', () => {
  it('a write that fails half way leaves the old file as it was and no temporary file behind', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'aging.xlsx');
    fs.writeFileSync(file, 'previous export');
    diskFullAfter(1000);
    expect(() => writeFileAtomic(file, Buffer.alloc(10_000, 7))).toThrow(/ENOSPC/);
    expect(fs.readdirSync(dir)).toEqual(['aging.xlsx']);
    expect(fs.readFileSync(file, 'utf8')).toBe('previous export');
    vi.restoreAllMocks();
    writeFileAtomic(file, Buffer.alloc(10_000, 7));
    expect(fs.statSync(file).size).toBe(10_000);
    expect(fs.statSync(file).mode & 0o777).toBe(process.platform === 'win32' ? fs.statSync(file).mode & 0o777 : 0o600);
    expect(fs.readdirSync(dir)).toEqual(['aging.xlsx']);
  });

  it('`cartera export aging` to a full disk exits 1 and leaves no *.tmp file', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'book.sqlite');
    const cli = (...a: string[]) => runCli(['--db', db, '--today', '2026-11-20', '--lang', 'en', ...a]);
    expect((await cli('demo', '--clients', '5', '--invoices', '40', '--seed', '3')).code).toBe(0);
    const out = path.join(dir, 'exports', 'aging.csv');
    fs.mkdirSync(path.dirname(out));
    diskFullAfter(10);
    const r = await cli('export', 'aging', '--out', out);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });

  it('a migration that fails half way leaves the file at the previous version, nothing of it applied', async () => {
    const file = path.join(tmpDir(), 'book.sqlite');
    const sqlite = new BetterSqlite3(file);
    const db = new Kysely<unknown>({ dialect: new CarteraSqliteDialect({ database: sqlite }) });
    const ok: Migration = { up: async (d) => void (await sql`CREATE TABLE a (x integer)`.execute(d)) };
    const broken: Migration = {
      up: async (d) => {
        await sql`CREATE TABLE b (x integer)`.execute(d);
        await sql`INSERT INTO a VALUES (1)`.execute(d);
        throw new Error('killed mid-migration');
      },
    };
    const first = await new Migrator({ db, provider: { getMigrations: async () => ({ '0001': ok }) } }).migrateToLatest();
    expect(first.error).toBeUndefined();
    const second = await new Migrator({ db, provider: { getMigrations: async () => ({ '0001': ok, '0002': broken }) } }).migrateToLatest();
    expect(String(second.error)).toContain('killed mid-migration');
    await db.destroy();
    const after = new BetterSqlite3(file, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    expect(after.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 0 });
    expect(after.prepare('SELECT name FROM kysely_migration').all()).toEqual([{ name: '0001' }]);
    after.close();
  });
});
