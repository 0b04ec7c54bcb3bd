import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '#shared/domain/dates';
import { openCoreHost } from '#core/host';

/** The Electron main process's view of the core: a file that won't open keeps the app up with a typed error. */
const clock = fixedClock('2026-11-20T12:00:00.000Z');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-host-'));

describe('the core host (Electron app and npm run web)', () => {
  it('opens a new file (creating its folder) and dispatches', async () => {
    const file = path.join(tmp(), 'nested', 'folder', 'cartera.sqlite');
    const host = await openCoreHost(file, { clock, locale: 'en', fallbackLocale: 'en' });
    expect(host.failure).toBeNull();
    expect(await host.dispatch('settings.get', {})).toMatchObject({ ok: true });
    expect(await host.dispatch('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await host.close();
  });

  it.each([
    ['a file that is not a database', (f: string) => fs.writeFileSync(f, 'this is a spreadsheet, not a database'.repeat(100)), 'error.db.not_sqlite'],
    ['a damaged database', (f: string) => fs.writeFileSync(f, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 0xab)])), null],
  ])('answers every call with one database error for %s, and leaves the file alone', async (_name, make, key) => {
    const file = path.join(tmp(), 'cartera.sqlite');
    make(file);
    const before = fs.readFileSync(file);
    const host = await openCoreHost(file, { clock, fallbackLocale: 'es' });
    expect(host.failure).toMatchObject({ code: 'database' });
    if (key) expect(host.failure?.key).toBe(key);
    expect(host.failure?.message.length).toBeGreaterThan(0);
    for (const method of ['settings.get', 'clients.list', 'payments.record', 'nonsense']) {
      expect(await host.dispatch(method, {})).toEqual({ ok: false, error: host.failure });
    }
    await host.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a missing native module as a database error, not a crash', async () => {
    const file = path.join(tmp(), 'cartera.sqlite');
    const host = await openCoreHost(file, { clock, nativeBinding: path.join(tmp(), 'missing.node'), fallbackLocale: 'en' });
    expect(host.failure).toMatchObject({ code: 'database', key: 'error.db.unreadable' });
    expect(await host.dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'database' } });
  });
});

describe('backups and recovery through the host', () => {
  const backupsOf = (dir: string) => (fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')).sort() : []);

  it('backs up at start when due and on quit', async () => {
    const dir = tmp();
    const file = path.join(dir, 'cartera.sqlite');
    const host = await openCoreHost(file, { clock, locale: 'en', fallbackLocale: 'en' });
    expect(backupsOf(dir)).toEqual(['cartera-20261120-120000-auto.sqlite']);
    await host.dispatch('clients.create', { code: 'C1', name: 'Andina' });
    await host.close();
    // rotation keeps one backup a day: the newest, which now holds the new client
    expect(backupsOf(dir)).toEqual(['cartera-20261120-120000-quit.sqlite']);
    // the next start on the same day finds a fresh backup and makes none
    const again = await openCoreHost(file, { clock, locale: 'en', fallbackLocale: 'en' });
    expect(backupsOf(dir)).toEqual(['cartera-20261120-120000-quit.sqlite']);
    await again.close();
  });

  it('keeps both "Back up now" copies and the quit backup: rotation deletes automatic backups only', async () => {
    const dir = tmp();
    const file = path.join(dir, 'cartera.sqlite');
    const host = await openCoreHost(file, { clock, locale: 'en', fallbackLocale: 'en' });
    expect(await host.dispatch('backups.now', {})).toMatchObject({ ok: true });
    await host.dispatch('clients.create', { code: 'C1', name: 'Andina' });
    expect(await host.dispatch('backups.now', {})).toMatchObject({ ok: true });
    await host.close();
    // the morning's automatic copy gives way to the quit one (same day); the user's copies stay
    expect(backupsOf(dir)).toEqual(['cartera-20261120-120000-manual.sqlite', 'cartera-20261120-120000-manual_2.sqlite', 'cartera-20261120-120000-quit.sqlite']);
  });

  it('an import from the app first keeps a verified copy of the book as it was (not on a dry run)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'cartera.sqlite');
    const host = await openCoreHost(file, { clock, locale: 'en', fallbackLocale: 'en' });
    await host.dispatch('clients.create', { code: 'C1', name: 'Andina' });
    const input = { kind: 'clients', fileName: 'clients.csv', dataBase64: Buffer.from('code,name\nX1,Importada SAC\n').toString('base64') };
    expect(await host.dispatch('imports.run', { ...input, dryRun: true })).toMatchObject({ ok: true });
    expect(backupsOf(dir)).toEqual(['cartera-20261120-120000-auto.sqlite']);
    expect(await host.dispatch('imports.run', input)).toMatchObject({ ok: true, data: { applied: true } });
    expect(backupsOf(dir)).toEqual(['cartera-20261120-120000-auto.sqlite', 'cartera-20261120-120000-pre-import.sqlite']);
    const list = await host.dispatch('backups.list', {});
    const copy = list.ok ? (list.data as { name: string; counts: { clients: number } }[]).find((b) => b.name.endsWith('pre-import.sqlite')) : null;
    expect(copy?.counts.clients).toBe(1); // the book before the import: the imported client is not in it
    await host.close();
    expect(backupsOf(dir)).toContain('cartera-20261120-120000-pre-import.sqlite'); // the quit rotation keeps it
  });

  it('offers the latest good backup for a damaged file and restores it, keeping a copy of the damaged one', async () => {
    const dir = tmp();
    const file = path.join(dir, 'cartera.sqlite');
    const good = await openCoreHost(file, { clock, locale: 'en', fallbackLocale: 'en' });
    await good.dispatch('clients.create', { code: 'C1', name: 'Andina' });
    await good.close(); // the quit backup holds the client
    const bytes = fs.readFileSync(file);
    bytes.fill(0xab, 4096, 8192); // a damaged page in the middle
    fs.writeFileSync(file, bytes);
    fs.rmSync(`${file}-wal`, { force: true });

    const host = await openCoreHost(file, { clock, locale: 'en', fallbackLocale: 'en' });
    expect(host.failure).toMatchObject({ code: 'database' });
    const status = await host.dispatch('recovery.status', {});
    expect(status).toMatchObject({ ok: true, data: { failure: { code: 'database' }, latest: { counts: { clients: 1 } } } });
    const restored = await host.dispatch('recovery.restoreLatest', {});
    expect(restored).toMatchObject({ ok: true, data: { restoredFrom: expect.stringContaining('quit.sqlite') } });
    expect(host.failure).toBeNull();
    const list = await host.dispatch('clients.list', {});
    expect(list).toMatchObject({ ok: true, data: { total: 1 } });
    expect(backupsOf(dir).some((f) => f.includes('damaged') || f.includes('pre-restore'))).toBe(true);
    await host.close();
  });

  it('says plainly when there is no backup to restore', async () => {
    const file = path.join(tmp(), 'cartera.sqlite');
    fs.writeFileSync(file, 'not a database'.repeat(200));
    const host = await openCoreHost(file, { clock, fallbackLocale: 'en' });
    expect(await host.dispatch('recovery.status', {})).toMatchObject({ ok: true, data: { latest: null } });
    expect(await host.dispatch('recovery.restoreLatest', {})).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('No good backup') },
    });
  });

  it('has nothing to recover on a healthy file', async () => {
    const host = await openCoreHost(path.join(tmp(), 'cartera.sqlite'), { clock, locale: 'en', fallbackLocale: 'en' });
    expect(await host.dispatch('recovery.status', {})).toEqual({ ok: true, data: { failure: null, latest: null } });
    expect(await host.dispatch('recovery.restoreLatest', {})).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    await host.close();
  });
});

describe('restoring a backup chosen in Settings', () => {
  it('closes the file, keeps a copy, restores the named backup and reopens', async () => {
    const dir = tmp();
    const file = path.join(dir, 'cartera.sqlite');
    const later = fixedClock('2026-11-21T09:30:00.000Z');
    const host = await openCoreHost(file, { clock: later, locale: 'en', fallbackLocale: 'en' });
    await host.dispatch('clients.create', { code: 'C1', name: 'Andina' });
    const made = await host.dispatch('backups.now', {});
    if (!made.ok) throw new Error(made.error.message);
    const name = (made.data as { name: string }).name;
    await host.dispatch('clients.create', { code: 'C2', name: 'Written after the backup' });

    const r = await host.dispatch('backups.restore', { name });
    expect(r).toMatchObject({ ok: true, data: { restoredFrom: expect.stringContaining(name), safetyCopy: expect.stringContaining('pre-restore') } });
    expect(await host.dispatch('clients.list', {})).toMatchObject({ ok: true, data: { total: 1, rows: [{ code: 'C1' }] } });
    // the file as it was before the restore is kept, C2 included
    const copy = (r as { data: { safetyCopy: string } }).data.safetyCopy;
    const peek = await openCoreHost(copy, { clock: later, locale: 'en', fallbackLocale: 'en' });
    expect(await peek.dispatch('clients.list', {})).toMatchObject({ ok: true, data: { total: 2 } });
    await host.close();
  });

  it('refuses a name that is not a listed backup, and a path, leaving the file as it was', async () => {
    const host = await openCoreHost(path.join(tmp(), 'cartera.sqlite'), { clock, locale: 'en', fallbackLocale: 'en' });
    await host.dispatch('clients.create', { code: 'C1', name: 'Andina' });
    expect(await host.dispatch('backups.restore', { name: 'cartera-20200101-000000-manual.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await host.dispatch('backups.restore', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await host.dispatch('clients.list', {})).toMatchObject({ ok: true, data: { total: 1 } });
    await host.close();
  });
});
