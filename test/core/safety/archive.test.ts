import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openCore } from '#core/app';
import { cli } from './helpers';
import { fixedClock } from '#shared/domain/dates';
import { freshCore, snapshot } from '../../support/core';

const clock = fixedClock('2026-11-20T12:00:00.000Z');

/** A demo book plus the awkward values: NULL vs '', quotes, line breaks, backslashes, formulas, BLOBs, numbers as text. */
async function awkwardBook() {
  const core = await freshCore();
  await core.call('demo.load', { clients: 12, invoices: 150, seed: 7 });
  const c = await core.call('clients.create', {
    code: 'ODD',
    name: '=HYPERLINK("http://x","y")',
    notes: 'line 1\r\nline "2", with comma\n\\N and \\b:xx',
    taxId: '00123',
    address: '-5',
  });
  await core.call('invoices.create', { clientId: c.id, number: '+1', issueDate: '2026-10-01', currency: 'PEN', amount: 12_345, description: '@SUM(A1)' });
  await core.call('settings.update', { name: 'Mi Empresa S.A.C.', address: '' });
  const s = core.ctx.sqlite;
  s.prepare(
    "INSERT INTO documents (client_id, kind, title, file_name, mime, content, sha256) VALUES (?, 'letter', '', 'a.pdf', 'application/pdf', ?, NULL)",
  ).run(c.id, Buffer.from([0, 1, 2, 255, 10, 13, 44, 34]));
  s.prepare("INSERT INTO documents (client_id, kind, title, file_name, mime, content) VALUES (?, 'note', 't', 'b.txt', 'text/plain', '42')").run(c.id); // text in a BLOB column
  s.prepare("INSERT INTO app_settings (key, value) VALUES ('k', '\\N')").run();
  return core;
}

describe('full export and import (archive)', () => {
  it('round-trips every table exactly: demo data → export → import into a new file', async () => {
    const core = await awkwardBook();
    const before = snapshot(core);
    const file = core.ctx.file;
    await core.close();
    const zip = path.join(path.dirname(file), 'all.zip');
    const ex = await cli('--db', file, 'export', '--out', zip);
    expect(ex).toMatchObject({ code: 0, err: '' });

    const files = unzipSync(fs.readFileSync(zip));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'cartera-archive', version: 1, schemaVersion: before.kysely_migration!.length });
    expect(manifest.tables.invoices.rows).toBe(before.invoices!.length);
    const clientsCsv = strFromU8(files['tables/clients.csv']!);
    expect(clientsCsv).toContain('\\=HYPERLINK'); // neutralised for spreadsheets, reversible for import
    expect(clientsCsv).toContain('\\N'); // NULLs

    const target = path.join(path.dirname(file), 'imported.sqlite');
    const im = await cli('--db', target, 'import-all', zip);
    expect(im).toMatchObject({ code: 0, err: '' });
    const again = await openCore(target, { clock, locale: 'en' });
    // nothing excluded: ids, audit log, migration log (with its timestamps) and sqlite_sequence all equal
    expect(snapshot(again)).toEqual(before);
    await again.close();
  });

  it('imports only into an empty file, and a damaged or newer archive changes nothing', async () => {
    const core = await awkwardBook();
    const dir = core.dir;
    const file = core.ctx.file;
    await core.close();
    const zip = path.join(dir, 'all.zip');
    expect((await cli('--db', file, 'export', '--out', zip)).code).toBe(0);
    expect((await cli('--db', file, 'export', '--out', zip)).err).toMatch(/already a file/);

    const sha = fs.readFileSync(file);
    const busy = await cli('--db', file, 'import-all', zip);
    expect(busy.code).toBe(1);
    expect(busy.err).toMatch(/^cartera: A full import only goes into a new, empty data file/);
    expect(busy.err.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(file).equals(sha)).toBe(true);

    const files = unzipSync(fs.readFileSync(zip));
    const tamper = (mutate: (f: typeof files) => void) => {
      const copy = { ...files };
      mutate(copy);
      const p = path.join(dir, `t${Math.random().toString(36).slice(2)}.zip`);
      fs.writeFileSync(p, zipSync(copy));
      return p;
    };
    const target = path.join(dir, 'new.sqlite');
    const cases: [string, RegExp][] = [
      [tamper((f) => (f['tables/clients.csv'] = strToU8(strFromU8(f['tables/clients.csv']!).replace('ODD', 'EVEN')))), /damaged: tables\/clients.csv checksum/],
      [tamper((f) => delete f['tables/payments.csv']), /damaged: tables\/payments.csv missing/],
      [
        tamper((f) => {
          const m = JSON.parse(strFromU8(f['manifest.json']!));
          m.schemaVersion = 9999;
          f['manifest.json'] = strToU8(JSON.stringify(m));
        }),
        /newer version of Cartera/,
      ],
      [
        tamper((f) => {
          const m = JSON.parse(strFromU8(f['manifest.json']!));
          m.tables.invoices.rows += 1;
          f['manifest.json'] = strToU8(JSON.stringify(m));
        }),
        /damaged: tables\/invoices.csv: \d+ rows, manifest says/,
      ],
      [tamper((f) => delete f['manifest.json']), /not a Cartera archive/],
    ];
    for (const [p, msg] of cases) {
      const r = await cli('--db', target, 'import-all', p);
      expect(r.code, p).toBe(1);
      expect(r.err).toMatch(msg);
      expect(fs.existsSync(target)).toBe(false); // never a half-written file
    }
    fs.writeFileSync(path.join(dir, 'junk.zip'), 'not a zip');
    expect((await cli('--db', target, 'import-all', path.join(dir, 'junk.zip'))).err).toMatch(/not a Cartera archive/);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.importing'))).toEqual([]);
  });
});
