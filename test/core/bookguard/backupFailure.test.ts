import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '#shared/contract/backups';
import type { SystemInfo } from '#shared/contract/system';
import { openCoreHost } from '#core/host';
import { fixedClock } from '#shared/domain/dates';
import { freshCore } from '../../support/core';

/** Issue 10 item 13: a backup folder that stops working is shown in the app until a backup succeeds. */
const clock = fixedClock('2026-11-20T12:00:00.000Z');

describe('failing backups', () => {
  it('start and quit failures are flagged in system info and backups status, across restarts, until a backup succeeds', async () => {
    const core = await freshCore();
    const folder = path.join(core.dir, 'sync');
    fs.mkdirSync(folder, { mode: 0o700 });
    await core.call('backups.setFolder', { folder });
    await core.close();
    // the folder goes away and something else takes its place (an unmounted drive, a sync client)
    fs.rmSync(folder, { recursive: true });
    fs.writeFileSync(folder, 'not a folder');

    const logs: string[] = [];
    let host = await openCoreHost(core.ctx.file, { clock, locale: 'en', fallbackLocale: 'en', log: (m) => logs.push(m) });
    const info = (await host.dispatch('system.info', {})) as { ok: true; data: SystemInfo };
    expect(info.data.backupFailing).toBe(true);
    const status = (await host.dispatch('backups.status', {})) as { ok: true; data: BackupStatus };
    expect(status.data.failure).toMatchObject({ reason: 'auto', at: '2026-11-20T12:00:00.000Z' });
    expect(status.data.failure!.message.length).toBeGreaterThan(10);
    await host.close(); // the quit backup fails too
    expect(logs.join('\n')).toContain('backup on quit failed');
    const raw = new BetterSqlite3(core.ctx.file, { readonly: true });
    expect(raw.prepare("SELECT value FROM app_settings WHERE key = 'backup.lastFailure'").get()).toMatchObject({
      value: expect.stringContaining('"reason":"quit"'),
    });
    raw.close();

    host = await openCoreHost(core.ctx.file, { clock, locale: 'es', fallbackLocale: 'es' });
    const again = (await host.dispatch('backups.status', {})) as { ok: true; data: BackupStatus };
    expect(again.data.failure).not.toBeNull();
    expect(again.data.failure!.message).toMatch(/[a-zá-ú]/);
    // fixed: the next backup clears it
    fs.rmSync(folder);
    fs.mkdirSync(folder, { mode: 0o700 });
    expect((await host.dispatch('backups.now', {})).ok).toBe(true);
    expect(((await host.dispatch('system.info', {})) as { ok: true; data: SystemInfo }).data.backupFailing).toBe(false);
    expect(((await host.dispatch('backups.status', {})) as { ok: true; data: BackupStatus }).data.failure).toBeNull();
    await host.close();
  });
});
