import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '#core/app';
import { backupIfDue, backupNow, listBackupFiles, rotateBackups } from '#core/backups/auto';
import { latestGoodBackup, restoreFrom } from '#core/backups/restore';
import { backupFileName } from '#shared/domain/backupRotation';
import { fixedClock } from '#shared/domain/dates';
import { clientWithInvoice, freshCore, snapshot } from '../../support/core';
import { cli } from './helpers';

describe('automatic backups', () => {
  it('backs up at start when none is a day old, named by time and reason, verified, in the default folder', async () => {
    const core = await freshCore();
    await clientWithInvoice(core);
    const first = await backupIfDue(core.ctx);
    expect(first?.name).toBe('cartera-20261120-120000-auto.sqlite');
    expect(path.dirname(first!.file)).toBe(path.join(core.dir, 'backups'));
    expect(await backupIfDue(core.ctx)).toBeNull(); // not due again the same day
    // self-contained (rollback journal, no -wal) and readable
    const header = fs.readFileSync(first!.file).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
    const status = await core.call('backups.status', {});
    expect(status).toMatchObject({ isDefaultFolder: true, due: false, last: { name: first!.name, reason: 'auto' } });
    await core.close();
  });

  it('lists backups with schema version and counts read from each file', async () => {
    const core = await freshCore();
    await clientWithInvoice(core);
    const b = await core.call('backups.now', {});
    expect(b.reason).toBe('manual');
    await core.call('clients.create', { code: 'C2', name: 'Second' });
    const again = await core.call('backups.now', {}); // same second: a distinct name, nothing overwritten
    expect(again.name).toBe('cartera-20261120-120000-manual_2.sqlite');
    const list = await core.call('backups.list', {});
    // manual backups are never rotated away: both stay, each with what it held
    const version = core.ctx.sqlite.prepare('SELECT count(*) n FROM kysely_migration').pluck().get();
    expect(list.map((l) => [l.name, l.schemaVersion, l.counts, l.problem])).toEqual([
      ['cartera-20261120-120000-manual_2.sqlite', version, { clients: 2, invoices: 1, payments: 0 }, null],
      ['cartera-20261120-120000-manual.sqlite', version, { clients: 1, invoices: 1, payments: 0 }, null],
    ]);
    fs.writeFileSync(path.join(core.dir, 'backups', 'cartera-20261119-120000-auto.sqlite'), 'not a database');
    const withBad = await core.call('backups.list', {});
    expect(withBad.at(-1)).toMatchObject({ counts: null, problem: 'This is not a Cartera data file.' });
    await core.close();
  });

  it('uses a folder the user sets (it must exist and be writable) and goes back to the default with null', async () => {
    const core = await freshCore();
    const synced = fs.mkdtempSync(path.join(core.dir, 'synced-'));
    const r = await core.dispatch('backups.setFolder', { folder: path.join(core.dir, 'missing') });
    expect(r.ok ? null : r.error.key).toBe('error.backup.folder_invalid');
    const rel = await core.dispatch('backups.setFolder', { folder: 'relative/dir' });
    expect(rel.ok ? null : rel.error.key).toBe('error.backup.folder_invalid');
    const set = await core.call('backups.setFolder', { folder: synced });
    expect(set).toMatchObject({ folder: synced, isDefaultFolder: false });
    const b = await core.call('backups.now', {});
    expect(path.dirname(b.file)).toBe(synced);
    expect((await core.call('backups.setFolder', { folder: null })).isDefaultFolder).toBe(true);
    const audit = await core.call('audit.list', { entity: 'settings' });
    expect(audit.rows.map((a) => a.action)).toEqual(['backup.folder', 'backup.folder']);
    await core.close();
  });

  it('rotates: 7 daily, 4 weekly, 12 monthly of the automatic ones; never a manual or safety copy, however old', async () => {
    const core = await freshCore();
    const dir = path.join(core.dir, 'rot');
    fs.mkdirSync(dir);
    const now = new Date('2026-11-20T12:00:00Z');
    for (let d = 1; d <= 60; d++) fs.writeFileSync(path.join(dir, backupFileName(new Date(now.getTime() - d * 86_400_000), 'auto')), 'x');
    for (let d = 1; d <= 60; d++) fs.writeFileSync(path.join(dir, backupFileName(new Date(now.getTime() - d * 86_400_000 + 3600_000), 'quit')), 'x');
    const keepers = ['manual', 'pre-restore', 'pre-migration', 'pre-import'].flatMap((reason) =>
      [2 * 3600_000, 90 * 86_400_000, 400 * 86_400_000].map((ago) => backupFileName(new Date(now.getTime() - ago), reason)),
    );
    for (const name of keepers) fs.writeFileSync(path.join(dir, name), 'x');
    fs.writeFileSync(path.join(dir, 'my-own-copy.sqlite'), 'x');
    const deleted = rotateBackups(dir, now);
    const left = listBackupFiles(dir);
    expect(deleted.length).toBeGreaterThan(60);
    const automatic = left.filter((f) => f.reason === 'auto' || f.reason === 'quit');
    expect(automatic.length).toBeLessThanOrEqual(23);
    expect(automatic.length).toBeGreaterThanOrEqual(7);
    expect(
      left
        .filter((f) => keepers.includes(f.name))
        .map((f) => f.name)
        .sort(),
    ).toEqual([...keepers].sort());
    expect(fs.existsSync(path.join(dir, 'my-own-copy.sqlite'))).toBe(true); // not ours to delete
    await backupNow(core.ctx, dir, 'quit');
    expect(listBackupFiles(dir)[0]!.reason).toBe('quit');
    await core.close();
  });
});

describe('restore', () => {
  it('shows what it restores, backs the current file up first and replaces it atomically', async () => {
    const core = await freshCore();
    await clientWithInvoice(core);
    const backup = await backupNow(core.ctx, null, 'manual');
    const before = snapshot(core);
    await core.call('clients.create', { code: 'LATER', name: 'Made after the backup' });
    const file = core.ctx.file;
    await core.close();

    const r = await restoreFrom(file, backup.file, { now: () => new Date('2026-11-21T08:00:00Z') });
    expect(r.restored.counts).toEqual({ clients: 1, invoices: 1, payments: 0 });
    expect(r.restored.at).toBe('2026-11-20T12:00:00.000Z');
    expect(r.safetyCopyKind).toBe('backup');
    expect(path.basename(r.safetyCopy!)).toBe('cartera-20261121-080000-pre-restore.sqlite');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('restoring'))).toEqual([]);

    const reopened = await openCore(file, { clock: fixedClock('2026-11-21T08:00:00.000Z'), locale: 'en' });
    expect(snapshot(reopened)).toEqual(before);
    await reopened.close();
    // the safety copy holds the client made after the backup
    const safety = await openCore(r.safetyCopy!, { clock: fixedClock('2026-11-21T08:00:00.000Z'), locale: 'en' });
    expect((await safety.call('system.info', {})).counts.clients).toBe(2);
    await safety.close();
  });

  it('refuses a damaged backup and leaves the current file untouched', async () => {
    const core = await freshCore();
    await clientWithInvoice(core);
    const file = core.ctx.file;
    await core.close();
    const bad = path.join(core.dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'SQLite format 3\0' + 'garbage'.repeat(1000));
    const bytes = fs.readFileSync(file);
    await expect(restoreFrom(file, bad)).rejects.toMatchObject({ key: expect.stringMatching(/^error\.db\./) });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('CLI: restore FROM prints what it restored and where the previous file went; a bad FROM is one line, exit 1', async () => {
    const core = await freshCore();
    await clientWithInvoice(core);
    const backup = await backupNow(core.ctx, null, 'manual');
    const file = core.ctx.file;
    await core.close();
    const ok = await cli('--db', file, 'restore', backup.file);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^restored: .*cartera-20261120-120000-manual\.sqlite \(made 2026-11-20T12:00:00.000Z; 1 clients, 1 invoices, 0 payments\) into /);
    expect(ok.out).toMatch(/previous file kept at: .*backups\/cartera-\d{8}-\d{6}-pre-restore\.sqlite\n$/);
    const bad = await cli('--db', file, 'restore', path.join(core.dir, 'missing.sqlite'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^cartera: The data file cannot be opened: .*\n$/);
    expect(bad.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect((await cli('--db', file, 'restore')).code).toBe(2);
  });

  it('latestGoodBackup skips damaged backups', async () => {
    const core = await freshCore();
    await clientWithInvoice(core);
    const good = await backupNow(core.ctx, null, 'auto');
    const dir = path.dirname(good.file);
    fs.writeFileSync(path.join(dir, 'cartera-20261120-130000-quit.sqlite'), 'junk');
    expect(latestGoodBackup(dir)?.file).toBe(good.file);
    expect(latestGoodBackup(path.join(core.dir, 'none'))).toBeNull();
    await core.close();
  });
});
