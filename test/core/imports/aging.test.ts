import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { freshCore, snapshot } from '../../support/core';
import { canonical, clients, invoices, payments, spanish } from '../../fixtures/imports/book';
import { expectedAging } from '../../fixtures/imports/expect';

const cli = runCli;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A DB file made by freshCore (migrated, settings default to PEN) and closed so the CLI can open it. */
async function dbFile(): Promise<{ db: string; dir: string }> {
  const core = await freshCore();
  dirs.push(core.dir);
  const db = core.ctx.file;
  await core.close();
  return { db, dir: core.dir };
}

const dialects = {
  canonical: {
    clients: ['clients.csv', canonical.clients()],
    invoices: ['invoices.csv', canonical.invoices()],
    payments: ['payments.csv', canonical.payments()],
  },
  spanish: { clients: ['clientes.csv', spanish.clients()], invoices: ['ventas.xlsx', await spanish.invoices()], payments: ['cobros.csv', spanish.payments()] },
} as const;

describe.each(Object.keys(dialects) as (keyof typeof dialects)[])('import of the %s dialect', (dialect) => {
  it('imports clients, invoices and payments; aging equals the book computed by hand, to the cent', async () => {
    const { db, dir } = await dbFile();
    const counts = { clients: clients.length, invoices: invoices.length, payments: payments.length };
    for (const kind of ['clients', 'invoices', 'payments'] as const) {
      const [name, content] = dialects[dialect][kind];
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const r = await cli(['--db', db, '--today', '2026-11-20', 'import', kind, file]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`${counts[kind]} rows, ${counts[kind]} accepted, 0 rejected; ${counts[kind]} created`);
      expect(r.code).toBe(0);
    }
    for (const asOf of ['2026-06-30', '2026-08-31', '2026-10-31', '2026-11-20']) {
      const r = await cli(['--db', db, 'aging', '--as-of', asOf, '--format', 'json']);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as {
        totals: unknown[];
        clients: { code: string; name: string; currency: string; buckets: number[]; total: number }[];
      };
      const want = expectedAging(asOf);
      expect(report.totals).toEqual(want.totals);
      expect(report.clients.map(({ code, name, currency, buckets, total }) => ({ code, name, currency, buckets, total }))).toEqual(want.clients);
    }
  });

  it('re-importing the same files changes nothing', async () => {
    const { db, dir } = await dbFile();
    const files = (['clients', 'invoices', 'payments'] as const).map((kind) => {
      const [name, content] = dialects[dialect][kind];
      fs.writeFileSync(path.join(dir, name), content);
      return [kind, path.join(dir, name)] as const;
    });
    for (const [kind, file] of files) expect((await cli(['--db', db, 'import', kind, file])).code).toBe(0);
    const core = await freshCoreOn(db);
    const before = snapshot(core);
    await core.close();
    for (const [kind, file] of files) {
      const r = await cli(['--db', db, 'import', kind, file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/0 created, 0 updated, \d+ unchanged/);
    }
    const again = await freshCoreOn(db);
    expect(snapshot(again)).toEqual(before);
    await again.close();
  });
});

async function freshCoreOn(file: string) {
  const { openCore } = await import('#core/app');
  const { fixedClock } = await import('#shared/domain/dates');
  return openCore(file, { clock: fixedClock('2026-11-20T12:00:00.000Z'), locale: 'en' });
}
