import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '#core/app';
import { restoreFrom } from '#core/backups/restore';
import { translate } from '#shared/i18n/index';
import { fixedClock } from '#shared/domain/dates';
import { freshCore } from '../../support/core';

/**
 * Issue 10 item 1 (files): the book and its copies are readable by their owner only, and Cartera will
 * not write backups into, nor restore from, a place another local user can change. POSIX only.
 */
const mode = (f: string) => fs.statSync(f).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('file permissions', () => {
  it('creates the data file, its -wal and -shm, backups and the backup folder private (0600 / 0700) whatever the umask', async () => {
    const old = process.umask(0o022);
    try {
      const core = await freshCore();
      await core.call('clients.create', { code: 'C1', name: 'Andina' });
      expect(mode(core.ctx.file)).toBe(0o600);
      expect(mode(`${core.ctx.file}-wal`)).toBe(0o600);
      expect(mode(`${core.ctx.file}-shm`)).toBe(0o600);
      const b = await core.call('backups.now', {});
      expect(mode(b.file)).toBe(0o600);
      expect(mode(path.dirname(b.file))).toBe(0o700);
      await core.close();
    } finally {
      process.umask(old);
    }
  });

  it('tightens a book created world-readable by an older version when it opens', async () => {
    const core = await freshCore();
    await core.close();
    fs.chmodSync(core.ctx.file, 0o644);
    const again = await openCore(core.ctx.file, { clock: fixedClock('2026-11-20T12:00:00.000Z'), locale: 'en' });
    expect(mode(core.ctx.file)).toBe(0o600);
    await again.close();
  });

  it('refuses a backup folder others can write to, in the user language, and writes nothing there', async () => {
    const core = await freshCore();
    const shared = path.join(core.dir, 'shared');
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o777);
    const r = await core.dispatch('backups.setFolder', { folder: shared });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.key).toBe('error.file.unsafe_folder');
      expect(r.error.message).toContain('Other users of this computer can write in');
    }
    expect(translate('es', 'error.file.unsafe_folder', { folder: shared, detail: 'mode 777' })).toContain('Otros usuarios');
    // a sticky shared folder (like /tmp) is refused too: others could plant backup-named files in it
    fs.chmodSync(shared, 0o1777);
    expect((await core.dispatch('backups.setFolder', { folder: shared })).ok).toBe(false);
    // a folder set earlier that became group-writable: backups are not written there
    fs.chmodSync(shared, 0o700);
    expect((await core.dispatch('backups.setFolder', { folder: shared })).ok).toBe(true);
    if (process.getuid?.() === 0) {
      // owned by another account (only root can make one here): refused even with mode 0700
      const theirs = path.join(core.dir, 'theirs');
      fs.mkdirSync(theirs, { mode: 0o700 });
      fs.chownSync(theirs, 4242, 4242);
      const t = await core.dispatch('backups.setFolder', { folder: theirs });
      expect(t.ok ? null : t.error.params).toMatchObject({ detail: 'owner uid 4242' });
    }
    fs.chmodSync(shared, 0o770);
    const now = await core.dispatch('backups.now', {});
    expect(now.ok ? null : now.error.key).toBe('error.file.unsafe_folder');
    expect(fs.readdirSync(shared)).toEqual([]);
    await core.close();
  });

  it('refuses to restore from a file another user could have changed, or from a folder where they could swap it', async () => {
    const core = await freshCore();
    const b = await core.call('backups.now', {});
    await core.close();
    const before = fs.readFileSync(core.ctx.file);
    fs.chmodSync(b.file, 0o666);
    await expect(restoreFrom(core.ctx.file, b.file)).rejects.toMatchObject({ key: 'error.file.unsafe_source' });
    fs.chmodSync(b.file, 0o600);
    const open = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-open-'));
    fs.chmodSync(open, 0o777);
    const planted = path.join(open, 'backup.sqlite');
    fs.copyFileSync(b.file, planted);
    await expect(restoreFrom(core.ctx.file, planted)).rejects.toMatchObject({ key: 'error.file.unsafe_source' });
    expect(fs.readFileSync(core.ctx.file).equals(before)).toBe(true);
    // a private copy restores as before
    fs.chmodSync(open, 0o700);
    await expect(restoreFrom(core.ctx.file, planted)).resolves.toMatchObject({ safetyCopyKind: 'backup' });
    expect(mode(core.ctx.file)).toBe(0o600);
  });
});
