import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '#core/app';
import { translate } from '#shared/i18n/index';
import { fixedClock } from '#shared/domain/dates';
import { freshCore } from '../../support/core';
import { cli, noise } from './helpers';

const clock = fixedClock('2026-11-20T12:00:00.000Z');
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

let dir = '';
let good = '';

beforeAll(async () => {
  const core = await freshCore();
  await core.call('demo.load', { clients: 30, invoices: 800, seed: 3 });
  dir = core.dir;
  good = core.ctx.file;
  await core.close(); // checkpoints: the whole book is in the main file, no -wal left
});

function variant(name: string, make: (file: string) => void): string {
  const f = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(good, f);
  make(f);
  return f;
}

const cases: [string, (f: string) => void, string][] = [
  ['truncated', (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)), 'error.db.corrupt'],
  [
    'random bytes in the middle',
    (f) => {
      const size = fs.statSync(f).size;
      const page = 4096;
      const fd = fs.openSync(f, 'r+');
      fs.writeSync(fd, noise(page, 42), 0, page, Math.floor(size / page / 2) * page);
      fs.closeSync(fd);
    },
    'error.db.corrupt',
  ],
  ['not a SQLite file', (f) => fs.writeFileSync(f, 'name,amount\nAcme,100\n'), 'error.db.not_sqlite'],
  [
    'future schema version',
    (f) => {
      const db = new BetterSqlite3(f);
      db.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01T00:00:00.000Z')").run();
      db.close();
    },
    'error.db.newer',
  ],
];

describe('start-up checks: a bad file gets its clear message and is left byte for byte as it was', () => {
  for (const [name, make, key] of cases) {
    it(name, async () => {
      const f = variant(name.replace(/\W+/g, '-'), make);
      const hash = sha(f);
      const opened = openCore(f, { clock, locale: 'en' });
      await expect(opened).rejects.toMatchObject({ code: 'database', key });
      expect(sha(f)).toBe(hash);

      const r = await cli('--db', f, 'check');
      expect(r.code).not.toBe(0);
      const lines = r.err.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      const fixed = translate('en', key).split('{')[0]!; // the sentence up to its first parameter
      expect(lines[0]).toContain(`cartera: ${fixed}`);
      expect(sha(f)).toBe(hash);
    });
  }

  it('check on a good file reports integrity, schema and counts and exits 0, changing nothing', async () => {
    const hash = sha(good);
    const r = await cli('--db', good, 'check');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/integrity_check: ok/);
    expect(r.out).toMatch(/counts: 30 clients, 800 invoices, \d+ payments/);
    expect(sha(good)).toBe(hash);
  });

  it('check on a missing file says so and creates nothing', async () => {
    const f = path.join(dir, 'nope.sqlite');
    const r = await cli('--db', f, 'check');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^cartera: The data file cannot be opened/);
    expect(fs.existsSync(f)).toBe(false);
  });
});
