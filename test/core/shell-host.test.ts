import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '#shared/domain/dates';
import { openCoreHost } from '../../electron/shell/coreHost';

/** The Electron main process's view of the core: a file that won't open keeps the app up with a typed error. */
const clock = fixedClock('2026-11-20T12:00:00.000Z');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-host-'));

describe('core host for the Electron shell', () => {
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
