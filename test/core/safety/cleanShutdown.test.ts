import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '#core/app';
import { leaveCleanMarker } from '#core/db/cleanShutdown';
import type { EngineClient } from '#core/engine/client';
import { fixedClock } from '#shared/domain/dates';
import { startEngine, tempBook } from '../../support/engine';
import { noise } from './helpers';

/**
 * Opening a big book in about a second: the whole-file quick_check runs at open only when the file is
 * not exactly as a clean close left it; otherwise in the background (and on every backup). A damage the
 * file's metadata does not show (bit rot, a disk that lies) is simulated by re-vouching for the damaged
 * file with the marker, which is what such damage looks like to the open.
 */
const clock = fixedClock('2026-03-31T12:00:00.000Z');
const NOW = '2026-03-31T12:00:00.000Z';
let engine: EngineClient | null = null;
let dir = '';
afterEach(async () => {
  await engine?.close();
  engine = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function cleanBook() {
  const book = tempBook();
  dir = book.dir;
  const core = await openCore(book.file, { clock, locale: 'en' });
  await core.call('demo.load', { clients: 30, invoices: 800, seed: 3 });
  await core.close();
  return book.file;
}

function damageMiddlePage(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, noise(4096, 42), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
  fs.closeSync(fd);
}

const backupsOf = (file: string) => {
  const folder = path.join(path.dirname(file), 'backups');
  return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
};

describe('the open-time check', () => {
  it('a clean close leaves a marker; the next open trusts the untouched file and skips the whole-file check', async () => {
    const file = await cleanBook();
    expect(fs.existsSync(`${file}.clean`)).toBe(true);
    damageMiddlePage(file);
    leaveCleanMarker(file); // the damage did not show in size or times
    const core = await openCore(file, { clock, locale: 'en' });
    expect(fs.existsSync(`${file}.clean`)).toBe(false); // taken while the file is open: a crash leaves none
    await core.close();
  });

  it('a file written since the clean close (no marker, or one that no longer matches) gets the full check', async () => {
    const file = await cleanBook();
    damageMiddlePage(file); // the marker now disagrees with the file's times
    await expect(openCore(file, { clock, locale: 'en' })).rejects.toMatchObject({ code: 'database', key: 'error.db.corrupt' });
    leaveCleanMarker(file);
    fs.writeFileSync(`${file}-wal`, 'left by a crash');
    await expect(openCore(file, { clock, locale: 'en' })).rejects.toMatchObject({ code: 'database', key: 'error.db.corrupt' });
  });

  it('after an unclean shutdown (no marker) the whole file is checked at open', async () => {
    const file = await cleanBook();
    fs.rmSync(`${file}.clean`);
    damageMiddlePage(file);
    const t = fs.statSync(file);
    fs.utimesSync(file, t.atime, t.mtime);
    await expect(openCore(file, { clock, locale: 'en' })).rejects.toMatchObject({ code: 'database', key: 'error.db.corrupt' });
  });
});

describe('the background check', () => {
  it('finds a file damaged after a clean shutdown: recovery screen, no backup rotated away for it', async () => {
    const file = await cleanBook();
    // a first run backs up (start and quit), so no backup is due when the damaged file opens
    const first = startEngine(file, NOW);
    expect(await first.ready()).toBeNull();
    await first.close();
    const before = backupsOf(file);
    expect(before.length).toBeGreaterThan(0);

    damageMiddlePage(file);
    leaveCleanMarker(file);
    engine = startEngine(file, NOW, { firstCheckAfterMs: 200, checkEveryMs: 0 });
    expect(await engine.ready()).toBeNull(); // opened at once, as the marker vouched
    expect(await engine.dispatch('settings.get', {})).toMatchObject({ ok: true });

    let status: unknown = null;
    for (let i = 0; i < 200; i++) {
      const r = await engine.dispatch('recovery.status', {});
      if (r.ok && (r.data as { failure: unknown }).failure) {
        status = r.data;
        break;
      }
      await new Promise((res) => setTimeout(res, 50));
    }
    // what the renderer turns into the recovery screen: the database error on every call, and the offer
    expect(status).toMatchObject({ failure: { code: 'database', key: 'error.db.corrupt' }, latest: { file: expect.stringContaining('backups') } });
    expect(await engine.dispatch('clients.list', {})).toMatchObject({ ok: false, error: { code: 'database', key: 'error.db.corrupt' } });
    await engine.close();
    engine = null;
    expect(backupsOf(file)).toEqual(before); // no backup of the damaged file, none rotated away
    expect(fs.existsSync(`${file}.clean`)).toBe(false); // the next open checks the whole file
    await expect(openCore(file, { clock, locale: 'en' })).rejects.toMatchObject({ code: 'database', key: 'error.db.corrupt' });
  });
});
