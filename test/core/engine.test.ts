import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineClient } from '#core/engine/client';
import { startWebServer } from '#core/http';
import { clientsCsv, invoicesCsv, startEngine, tempBook } from '../support/engine';

/**
 * The engine process (electron/core/engine/entry.ts) spawned with child_process.fork and driven through
 * the same protocol the Electron main process uses over utilityProcess.
 */
let engine: EngineClient | null = null;
let dir = '';
afterEach(async () => {
  await engine?.close();
  engine = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const invoiceCount = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n;
  } finally {
    db.close();
  }
};
const ROWS = 30_000;
const run = (e: EngineClient, onProgress?: (d: number, t: number) => void, signal?: AbortSignal) =>
  e.dispatch(
    'imports.run',
    { kind: 'invoices', fileName: 'big.csv', dataBase64: invoicesCsv(ROWS, 200) },
    { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) },
  );

async function openBook() {
  const book = tempBook();
  dir = book.dir;
  engine = startEngine(book.file);
  expect(await engine.ready()).toBeNull();
  const clients = await engine.dispatch('imports.run', { kind: 'clients', fileName: 'c.csv', dataBase64: clientsCsv(200) });
  expect(clients).toMatchObject({ ok: true, data: { counts: { created: 200 } } });
  return { e: engine, file: book.file };
}

describe('the engine process', () => {
  it('answers other calls while a long import runs, and reports its progress', async () => {
    const { e } = await openBook();
    const progress: number[] = [];
    let finished = false;
    const importing = run(e, (done) => progress.push(done)).then((r) => ((finished = true), r));
    // wait until the import is under way, then ask for other things
    while (progress.length === 0) await new Promise((r) => setTimeout(r, 10));
    const answeredDuring: number[] = [];
    while (!finished) {
      const t0 = performance.now();
      const info = await e.dispatch('system.info', {});
      expect(info.ok).toBe(true);
      if (!finished) answeredDuring.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const report = await importing;
    expect(report).toMatchObject({ ok: true, data: { counts: { created: ROWS, rejected: 0 } } });
    expect(answeredDuring.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBeGreaterThanOrEqual(ROWS);
    expect(await e.dispatch('system.info', {})).toMatchObject({ ok: true, data: { counts: { invoices: ROWS } } });
  });

  it('cancels an import: a typed answer and nothing written', async () => {
    const { e, file } = await openBook();
    const abort = new AbortController();
    const importing = run(
      e,
      (done) => {
        if (done >= 5000) abort.abort();
      },
      abort.signal,
    );
    expect(await importing).toMatchObject({ ok: false, error: { key: 'error.cancelled', message: 'Cancelled. Nothing was saved.' } });
    expect(await e.dispatch('system.info', {})).toMatchObject({ ok: true, data: { counts: { clients: 200, invoices: 0 } } });
    await e.close();
    engine = null;
    expect(invoiceCount(file)).toBe(0);
  });

  it('killed mid-write: the file is intact, the host reports it and restarts the engine', async () => {
    const { e, file } = await openBook();
    const crashes: string[] = [];
    e.onCrash((err) => crashes.push(err.key));
    let killed = false;
    const importing = run(e, (done, total) => {
      // past the checks, into the writes
      if (!killed && done > total / 2 + 1000) {
        killed = true;
        e.process!.kill();
      }
    });
    const r = await importing;
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', key: 'error.engine.crashed' } });
    expect(r.ok ? '' : r.error.message).toMatch(/stopped unexpectedly/);
    expect(crashes).toEqual(['error.engine.crashed']);
    // the file on disk opens cleanly with nothing of the import in it
    const db = new BetterSqlite3(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n).toBe(0);
    db.close();
    // the next call starts a new engine on the same file
    expect(await e.dispatch('system.info', {})).toMatchObject({ ok: true, data: { counts: { clients: 200, invoices: 0 } } });
    expect(await e.restart()).toBeNull();
    expect(await e.dispatch('clients.list', {})).toMatchObject({ ok: true });
  });

  it('keeps the HTTP transport of `npm run web` answering while an import runs through the engine', async () => {
    const { e } = await openBook();
    const server = await startWebServer(e, { staticDir: dir });
    const post = async (method: string, body: unknown) => {
      const r = await fetch(`${server.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cartera-token': server.token },
        body: JSON.stringify(body),
      });
      return (await r.json()) as { ok: boolean; data?: { counts: Record<string, number> } };
    };
    let finished = false;
    const importing = post('imports.run', { kind: 'invoices', fileName: 'big.csv', dataBase64: invoicesCsv(ROWS, 200) }).then((r) => ((finished = true), r));
    let answered = 0;
    await new Promise((r) => setTimeout(r, 300));
    while (!finished) {
      const info = await post('system.info', {});
      expect(info.ok).toBe(true);
      if (!finished) answered++;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(answered).toBeGreaterThan(2);
    expect(await importing).toMatchObject({ ok: true, data: { counts: { created: ROWS } } });
    await server.close();
  });

  it('restores a backup once the running export has let go of the file, refusing new long work meanwhile', async () => {
    const { e } = await openBook();
    const backup = await e.dispatch('backups.now', {});
    expect(backup.ok).toBe(true);
    const name = (backup as { data: { name: string } }).data.name;
    await run(e); // 30k invoices after the backup
    const exporting = e.dispatch('exports.list', { kind: 'invoices', from: '2026-01-01', to: '2026-12-31', format: 'xlsx' });
    const restoring = e.dispatch('backups.restore', { name });
    const meanwhile = await e.dispatch('exports.aging', { asOf: '2026-03-31', format: 'csv' });
    expect(meanwhile).toMatchObject({ ok: false, error: { key: 'error.db.busy' } });
    expect(await exporting).toMatchObject({ ok: true });
    expect(await restoring).toMatchObject({ ok: true, data: { restoredFrom: expect.stringContaining(name) } });
    expect(await e.dispatch('system.info', {})).toMatchObject({ ok: true, data: { counts: { clients: 200, invoices: 0 } } });
  });
});
