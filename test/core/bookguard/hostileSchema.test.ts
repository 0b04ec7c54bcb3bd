import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '#core/app';
import { describeBackup, restoreFrom } from '#core/backups/restore';
import { inspectDataFile } from '#core/backups/inspect';
import { backupFileName } from '#shared/domain/backupRotation';
import { fixedClock } from '#shared/domain/dates';
import { clientWithInvoice, freshCore } from '../../support/core';

/**
 * Issue 10 item 2: a valid SQLite file with planted triggers or views. Opening, checking, listing or
 * restoring it must refuse it by comparing its schema with what the migrations create, before any
 * planted SQL can run, and leave its bytes unchanged.
 */
const repo = path.resolve(import.meta.dirname, '../../..');
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const clock = fixedClock('2026-11-20T12:00:00.000Z');

const PLANTS: Record<string, string[]> = {
  'a trigger rewriting the company name': ["CREATE TRIGGER t1 AFTER INSERT ON clients BEGIN UPDATE company_settings SET name = 'Evil'; END"],
  'a trigger adding a cent': [
    'CREATE TRIGGER t2 AFTER INSERT ON invoices BEGIN UPDATE invoices SET amount = amount + 1, open_amount = open_amount + 1 WHERE id = new.id; END',
  ],
  'a trigger deleting an audit row': [
    'DROP TRIGGER audit_log_no_delete',
    'CREATE TRIGGER t3 AFTER INSERT ON payments BEGIN DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log); END',
  ],
  'a view named like a table': ['ALTER TABLE clients RENAME TO clients_real', "CREATE VIEW clients AS SELECT id, code, 'Fake' AS name FROM clients_real"],
  'a recursive view': [
    'ALTER TABLE clients RENAME TO clients_real',
    'CREATE VIEW clients AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS id FROM r',
  ],
  'a changed column': ['ALTER TABLE invoices ADD COLUMN note text'],
};

async function plantedBook(dir: string, name: string, plant: string[]): Promise<string> {
  const core = await freshCore();
  await clientWithInvoice(core);
  await core.close();
  const file = path.join(dir, name);
  const db = new BetterSqlite3(core.ctx.file);
  db.pragma('journal_mode = DELETE');
  for (const stmt of plant) db.exec(stmt);
  await db.backup(file);
  db.close();
  return file;
}

describe('a data or backup file with planted SQL', () => {
  for (const [what, plant] of Object.entries(PLANTS)) {
    it(`is refused on open, check and restore when it has ${what}; the file is unchanged`, async () => {
      const dir = (await freshCore()).dir;
      const file = await plantedBook(dir, 'planted.sqlite', plant);
      const before = sha(file);
      await expect(openCore(file, { clock, locale: 'en' })).rejects.toMatchObject({ key: 'error.db.schema_mismatch' });
      expect(() => inspectDataFile(file, { check: 'quick' })).toThrow(expect.objectContaining({ key: 'error.db.schema_mismatch' }));
      expect(() => describeBackup(file)).toThrow(expect.objectContaining({ key: 'error.db.schema_mismatch' }));
      const target = path.join(dir, 'target.sqlite');
      await expect(restoreFrom(target, file)).rejects.toMatchObject({ key: 'error.db.schema_mismatch' });
      expect(fs.existsSync(target)).toBe(false);
      expect(sha(file)).toBe(before);
    });
  }

  it('the message says what differs, in the user language', async () => {
    const dir = (await freshCore()).dir;
    const file = await plantedBook(dir, 'planted.sqlite', PLANTS['a view named like a table']!);
    const es = await import('#shared/i18n/index').then((m) => m.translate('es', 'error.db.schema_mismatch', { detail: 'x' }));
    expect(es).toContain('No se abrió ni se modificó');
    await expect(openCore(file, { clock, locale: 'en' })).rejects.toMatchObject({ params: { detail: 'clients is a view, expected a table' } });
  });

  it('`cartera check` and backups.list fail within a bounded time on a recursive view', async () => {
    const core = await freshCore();
    const folder = path.join(core.dir, 'backups');
    fs.mkdirSync(folder);
    const file = await plantedBook(folder, backupFileName(new Date('2026-11-19T10:00:00Z'), 'auto'), PLANTS['a recursive view']!);
    const started = Date.now();
    const r = spawnSync(process.execPath, [path.join(repo, 'bin/cartera.mjs'), 'check', '--db', file, '--lang', 'en'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not the one Cartera creates');
    const list = await core.call('backups.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]!.problem).toContain('not the one Cartera creates');
    expect(Date.now() - started).toBeLessThan(60_000);
    await core.close();
  }, 90_000);

  it('a healthy book still opens, and every connection runs with trusted_schema off', async () => {
    const core = await freshCore();
    await clientWithInvoice(core);
    expect(core.ctx.sqlite.pragma('trusted_schema', { simple: true })).toBe(0);
    await core.close();
    const again = await openCore(core.ctx.file, { clock, locale: 'en' });
    expect((await again.call('system.info', {})).counts.invoices).toBe(1);
    await again.close();
  });
});
