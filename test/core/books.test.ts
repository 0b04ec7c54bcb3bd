import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '#core/app';
import { openBooksHost } from '#core/books/host';
import { BOOKS_FILE, readBooks, startupBook } from '#core/books/recent';
import { fixedClock } from '#shared/domain/dates';

/** Books: one SQLite file per company, switched by the host; the recent list persisted in books.json. */
const clock = fixedClock('2026-11-20T12:00:00.000Z');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-books-'));

async function setup() {
  const dir = tmp();
  const stateDir = path.join(dir, 'state');
  const first = path.join(dir, 'demo.sqlite');
  const host = await openBooksHost(first, { clock, locale: 'en', fallbackLocale: 'en', stateDir });
  return { dir, stateDir, first, host };
}

const count = async (host: Awaited<ReturnType<typeof openBooksHost>>) => {
  const r = await host.dispatch('clients.list', {});
  return r.ok ? (r.data as { total: number }).total : -1;
};

describe('books through the host', () => {
  it('creates a new empty book, switching to it; the first keeps its data and its quit backup', async () => {
    const { dir, stateDir, first, host } = await setup();
    await host.dispatch('clients.create', { code: 'DEMO', name: 'Demo client' });
    expect(await count(host)).toBe(1);
    const created = await host.dispatch('books.create', { file: path.join(dir, 'companies', 'Andina SAC') });
    expect(created).toEqual({ ok: true, data: { file: path.join(dir, 'companies', 'Andina SAC.sqlite'), name: 'Andina SAC' } });
    expect(fs.existsSync(path.join(dir, 'companies', 'Andina SAC.sqlite'))).toBe(true);
    expect(await host.dispatch('books.current', {})).toMatchObject({ ok: true, data: { name: 'Andina SAC' } });
    expect(await count(host)).toBe(0); // the demo data stays in the other book
    expect(fs.readdirSync(path.join(dir, 'backups')).some((n) => n.endsWith('-quit.sqlite'))).toBe(true);

    const reopened = await host.dispatch('books.open', { file: first });
    expect(reopened).toMatchObject({ ok: true, data: { file: first, name: 'demo' } });
    expect(await count(host)).toBe(1);
    await host.close();

    const state = JSON.parse(fs.readFileSync(path.join(stateDir, BOOKS_FILE), 'utf8'));
    expect(state.last).toBe(first);
    expect(state.recent.map((r: { file: string }) => path.basename(r.file))).toEqual(['demo.sqlite', 'Andina SAC.sqlite']);
  });

  it('lists recent books newest first, marks the current one and the ones that are gone, and survives a restart', async () => {
    const { dir, stateDir, first, host } = await setup();
    const b = path.join(dir, 'b.sqlite');
    const c = path.join(dir, 'c.sqlite');
    await host.dispatch('books.create', { file: b });
    await host.dispatch('books.create', { file: c });
    await host.close();
    fs.rmSync(b);
    // next start without --db: the last book opened
    const again = await openBooksHost(startupBook(stateDir, null, first), { clock, locale: 'en', fallbackLocale: 'en', stateDir });
    expect(again.file).toBe(c);
    const recent = await again.dispatch('books.recent', {});
    expect(recent.ok && (recent.data as { name: string; exists: boolean; current: boolean }[]).map((r) => [r.name, r.exists, r.current])).toEqual([
      ['c', true, true],
      ['b', false, false],
      ['demo', true, false],
    ]);
    await again.close();
    expect(startupBook(stateDir, path.join(dir, 'explicit.sqlite'), first)).toBe(path.join(dir, 'explicit.sqlite'));
  });

  it('refuses, before closing the current book, what cannot become a book', async () => {
    const { dir, host } = await setup();
    await host.dispatch('clients.create', { code: 'KEEP', name: 'Still here' });
    const sheet = path.join(dir, 'sheet.sqlite');
    fs.writeFileSync(sheet, 'a spreadsheet, not a database'.repeat(50));
    const cases: [string, unknown, string][] = [
      ['books.create', { file: 'relative/book.sqlite' }, 'error.books.path_invalid'],
      ['books.create', { file: path.join(dir, 'demo.sqlite') }, 'error.books.exists'],
      ['books.create', {}, 'error.books.path_invalid'],
      ['books.open', { file: path.join(dir, 'missing.sqlite') }, 'error.books.not_found'],
      ['books.open', { file: dir }, 'error.books.not_found'],
      ['books.open', { file: sheet }, 'error.db.not_sqlite'],
    ];
    for (const [method, input, key] of cases) {
      const r = await host.dispatch(method, input);
      expect(r.ok ? null : r.error.key, `${method} ${JSON.stringify(input)}`).toBe(key);
      if (!r.ok) expect(r.error.message).not.toBe(key); // a sentence, not the key
    }
    expect(fs.readFileSync(sheet, 'utf8')).toBe('a spreadsheet, not a database'.repeat(50));
    expect(await count(host)).toBe(1);
    await host.close();
  });

  it('a damaged books.json is an empty list, not a failure', async () => {
    const stateDir = tmp();
    fs.writeFileSync(path.join(stateDir, BOOKS_FILE), '{not json');
    expect(readBooks(stateDir)).toEqual({ version: 1, last: null, recent: [] });
    expect(startupBook(stateDir, null, '/fallback.sqlite')).toBe('/fallback.sqlite');
  });

  it('the bare core (CLI) knows its file but cannot switch books', async () => {
    const file = path.join(tmp(), 'solo.sqlite');
    const core = await openCore(file, { clock, locale: 'es' });
    expect(await core.dispatch('books.current', {})).toEqual({ ok: true, data: { file, name: 'solo' } });
    const r = await core.dispatch('books.open', { file });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_state', key: 'error.books.needs_host' } });
    await core.close();
  });
});
