import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openCore } from '#core/app';
import { openCoreHost } from '#core/host';
import { migrations } from '#core/db/migrations/index';
import { CarteraSqliteDialect } from '#core/db/sqliteDialect';
import { fixedClock } from '#shared/domain/dates';
import { clientWithInvoice, freshCore } from '../../support/core';

/** Issue 10 item 8: a read-only book opens read-only, reads work, writes say why, recovery leaves it alone. */
const clock = fixedClock('2026-11-20T12:00:00.000Z');
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('a read-only data file', () => {
  it('opens read-only: system info says so, aging works, writes are refused with a clear message, the file is unchanged', async () => {
    const core = await freshCore();
    await clientWithInvoice(core);
    await core.close();
    fs.chmodSync(core.ctx.file, 0o444);
    const before = sha(core.ctx.file);
    const ro = await openCore(core.ctx.file, { clock, locale: 'en' });
    expect(await ro.call('system.info', {})).toMatchObject({ readOnly: true, counts: { invoices: 1 } });
    const summary = await ro.call('aging.summary', { asOf: '2026-11-20' } as never);
    expect(JSON.stringify(summary)).toContain('100000');
    const w = await ro.dispatch('clients.create', { code: 'C2', name: 'Otro' });
    expect(w.ok ? null : w.error).toMatchObject({ key: 'error.db.readonly', message: expect.stringContaining('read-only') });
    const es = await openCore(core.ctx.file, { clock, locale: 'es' });
    const w2 = await es.dispatch('clients.create', { code: 'C2', name: 'Otro' });
    expect(w2.ok ? null : w2.error.message).toContain('solo lectura');
    await es.close();
    await ro.close();
    expect(sha(core.ctx.file)).toBe(before);
  });

  it('a writable book is not read-only', async () => {
    const core = await freshCore();
    expect((await core.call('system.info', {})).readOnly).toBe(false);
    await core.close();
  });

  it('recovery never replaces a healthy file, even when it would not open (read-only at an older schema)', async () => {
    const core = await freshCore();
    await core.close();
    const file = path.join(core.dir, 'old.sqlite');
    const sqlite = new BetterSqlite3(file);
    const db = new Kysely<unknown>({ dialect: new CarteraSqliteDialect({ database: sqlite }) });
    const names = Object.keys(migrations).sort();
    expect((await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(names.at(-2)!)).error).toBeUndefined();
    await db.destroy();
    // a good backup the recovery could offer
    fs.mkdirSync(path.join(core.dir, 'backups'), { recursive: true });
    fs.copyFileSync(core.ctx.file, path.join(core.dir, 'backups', 'cartera-20261101-100000-auto.sqlite'));
    fs.chmodSync(file, 0o444);
    const before = sha(file);
    const host = await openCoreHost(file, { clock, locale: 'en', fallbackLocale: 'en' });
    expect(host.failure).toMatchObject({ key: 'error.db.readonly_outdated' });
    const r = await host.dispatch('recovery.restoreLatest', {});
    expect(r.ok ? null : r.error.key).toBe('error.recovery.not_needed');
    expect(sha(file)).toBe(before);
  });
});
