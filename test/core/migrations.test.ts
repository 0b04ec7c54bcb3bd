import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/open';
import { migrations, SCHEMA_VERSION } from '#core/db/migrations/index';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-mig-'));
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** A file as the first released version left it: only migration 0001, with a client and an invoice. */
async function makeV1File(file: string): Promise<void> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo('0001_init');
  if (error) throw error;
  sqlite.prepare("INSERT INTO clients (code, name, search_text) VALUES ('C1', 'Ñandú Comercial', 'c1 nandu')").run();
  sqlite
    .prepare(
      "INSERT INTO invoices (client_id, number, issue_date, due_date, currency, amount, open_amount) VALUES (1, 'F-1', '2026-01-10', '2026-02-09', 'PEN', 123456, 123456)",
    )
    .run();
  await db.destroy();
}

describe('opening and migrating files', () => {
  it('migrates an older file after copying it aside, keeping the data intact', async () => {
    const dir = tmp();
    const file = path.join(dir, 'book.sqlite');
    await makeV1File(file);
    const opened = await openDatabase(file, { backupDir: path.join(dir, 'backups'), now: () => new Date('2026-11-20T12:00:00Z') });
    try {
      expect(path.relative(dir, opened.migrationBackup!)).toBe(path.join('backups', 'cartera-20261120-120000-pre-migration.sqlite'));
      const copy = new BetterSqlite3(opened.migrationBackup!, { readonly: true });
      expect((copy.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map((r) => r.name)).toEqual(['0001_init']);
      expect(copy.prepare('SELECT name FROM clients').get()).toEqual({ name: 'Ñandú Comercial' });
      copy.close();
      const applied = opened.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[];
      expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations));
      expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(opened.sqlite.prepare('SELECT code, name FROM clients').all()).toEqual([{ code: 'C1', name: 'Ñandú Comercial' }]);
      expect(opened.sqlite.prepare('SELECT amount, open_amount FROM invoices').get()).toEqual({ amount: 123456, open_amount: 123456 });
      expect((opened.sqlite.prepare('SELECT count(*) n FROM policy_stages').get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
  });

  it('makes no copy for a new file and opens an up-to-date file without one', async () => {
    const file = path.join(tmp(), 'new.sqlite');
    const a = await openDatabase(file);
    expect(a.migrationBackup).toBeNull();
    await a.close();
    const b = await openDatabase(file);
    expect(b.migrationBackup).toBeNull();
    await b.close();
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('refuses a file written by a newer version and leaves it untouched', async () => {
    const file = path.join(tmp(), 'future.sqlite');
    (await openDatabase(file)).close();
    const s = new BetterSqlite3(file);
    s.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01')").run();
    s.pragma('wal_checkpoint(TRUNCATE)');
    s.close();
    const before = sha(file);
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'database', key: 'error.db.newer' });
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not SQLite and leaves it untouched', async () => {
    const file = path.join(tmp(), 'notes.sqlite');
    fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(100));
    const before = sha(file);
    await expect(openDatabase(file)).rejects.toMatchObject({ key: 'error.db.not_sqlite' });
    expect(sha(file)).toBe(before);
  });
});
