import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { openCore } from '#core/app';
import { fixedClock } from '#shared/domain/dates';
import { snapshot } from '../../support/core';
import { canonical, csv } from '../../fixtures/imports/book';

const cli = (...args: string[]) => runCli(['--db', db, '--lang', 'en', ...args]);

let dir: string;
let db: string;
const file = (name: string, content: string | Uint8Array) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
};
async function dbSnapshot() {
  const core = await openCore(db, { clock: fixedClock('2026-11-20T12:00:00Z'), locale: 'en' });
  const s = snapshot(core);
  await core.close();
  return s;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-import-cli-'));
  db = path.join(dir, 'x.sqlite');
  expect((await cli('import', 'clients', file('clients.csv', canonical.clients()))).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cartera import', () => {
  const bad = csv([
    ['client_code', 'number', 'issue_date', 'amount'],
    ['C001', 'N-1', '2026-01-01', '10'],
    ['C404', 'N-2', '2026-01-01', '10'],
  ]);

  it('exit 1 and every rejected row when a row is bad; nothing imported', async () => {
    const before = await dbSnapshot();
    const r = await cli('import', 'invoices', file('bad.csv', bad));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'import invoices: 2 rows, 1 accepted, 1 rejected; 0 created, 0 updated, 0 unchanged (nothing imported: 1 rows rejected; fix them or use --partial to import the good rows)\nline 3: Unknown client C404.\n',
    );
    expect(await dbSnapshot()).toEqual(before);
  });

  it('--dry-run writes nothing; --partial imports the good rows and exits 0', async () => {
    const before = await dbSnapshot();
    const dry = await cli('import', 'invoices', file('good.csv', canonical.invoices()), '--dry-run');
    expect(dry).toMatchObject({ code: 0, stdout: expect.stringContaining('(dry run: nothing written)') });
    expect(await dbSnapshot()).toEqual(before);
    const partial = await cli('import', 'invoices', file('bad.csv', bad), '--partial');
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('1 created');
    expect(partial.stdout).toContain('line 3: Unknown client C404.');
  });

  it('options: --delimiter, --encoding, --date-format', async () => {
    const semi = csv(
      [
        ['client_code', 'number', 'issue_date', 'amount'],
        ['C002', 'D-1', '04/03/2026', '10,5'],
      ],
      ';',
    );
    const r = await cli('import', 'invoices', file('semi.csv', semi), '--delimiter', ';', '--encoding', 'utf8', '--date-format', 'mdy');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const core = await openCore(db, { clock: fixedClock('2026-11-20T12:00:00Z'), locale: 'en' });
    expect(core.ctx.sqlite.prepare("SELECT issue_date AS d, amount AS a FROM invoices WHERE number = 'D-1'").get()).toEqual({ d: '2026-04-03', a: 1050 });
    await core.close();
    expect((await cli('import', 'invoices', file('semi.csv', semi), '--date-format', 'ymd')).code).toBe(2);
  });

  it('--decimal: a one-row file that settles nothing stops and names the flag; with the flag it imports', async () => {
    const one = file(
      'one.csv',
      csv([
        ['Código cliente', 'Número', 'Fecha de emisión', 'Importe'],
        ['C002', 'K-1', '04/03/2026', '1.500'],
      ]),
    );
    const stopped = await cli('import', 'invoices', one);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/^cartera: Cannot tell how the amounts in column "Importe" write decimals: "1\.500".*--decimal \. or --decimal ,/);
    expect(stopped.stdout).toBe('');
    expect(await cli('import', 'invoices', one, '--decimal', ',')).toMatchObject({ code: 0, stderr: '' });
    const core = await openCore(db, { clock: fixedClock('2026-11-20T12:00:00Z'), locale: 'en' });
    expect(core.ctx.sqlite.prepare("SELECT amount AS a FROM invoices WHERE number = 'K-1'").get()).toEqual({ a: 150_000 });
    await core.close();
    expect((await cli('import', 'invoices', one, '--decimal', 'x')).code).toBe(2);
  });

  it('the canonical format reads a decimal point even in a one-row file: 0.001 is refused, not 1.00', async () => {
    const r = await cli(
      'import',
      'invoices',
      file(
        'tiny.csv',
        csv([
          ['client_code', 'number', 'issue_date', 'due_date', 'currency', 'amount', 'description'],
          ['C002', 'T-1', '2026-03-04', '', 'PEN', '0.001', ''],
        ]),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('line 2: amount: "0.001" read with a decimal point is 0.001, more decimals than PEN allows.');
  });

  it('each amount fixture alone in a file, canonical and Spanish with ";": accepted, refused or asked, never guessed', async () => {
    const expected: Record<string, [string, string]> = {
      '0.001': ['refused', 'refused'],
      '12.345': ['refused', 'accepted'],
      '1.500': ['refused', 'accepted'],
      '1,500': ['accepted', 'refused'],
      '1.234,56': ['refused', 'accepted'],
      '1,234.56': ['accepted', 'accepted'],
      '12.50': ['accepted', 'accepted'],
      '0,5': ['refused', 'accepted'],
    };
    const outcome = (r: { code: number; stdout: string; stderr: string }) =>
      r.stderr.includes('--decimal')
        ? 'asked'
        : r.code === 0 && r.stdout.includes('1 accepted')
          ? 'accepted'
          : r.stdout.includes('line 2:')
            ? 'refused'
            : `? ${r.stderr}`;
    for (const [value, [canon, spanishSemicolon]] of Object.entries(expected)) {
      const a = await cli(
        'import',
        'invoices',
        file(
          'a.csv',
          csv([
            ['client_code', 'number', 'issue_date', 'amount'],
            ['C002', 'V-1', '2026-03-04', value],
          ]),
        ),
        '--dry-run',
      );
      const b = await cli(
        'import',
        'invoices',
        file(
          'b.csv',
          csv(
            [
              ['Código cliente', 'Número', 'Fecha de emisión', 'Importe'],
              ['C002', 'V-1', '04/03/2026', value],
            ],
            ';',
          ),
        ),
        '--dry-run',
      );
      expect([value, outcome(a), outcome(b)]).toEqual([value, canon, spanishSemicolon]);
    }
    // all of them in one Spanish file: the column settles both ways, so it stops and names the flag
    const mixed = csv(
      [['Código cliente', 'Número', 'Fecha de emisión', 'Importe'], ...Object.keys(expected).map((v, i) => ['C002', `W-${i}`, '04/03/2026', v])],
      ';',
    );
    const r = await cli('import', 'invoices', file('mixed.csv', mixed), '--dry-run');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/write decimals both ways \("0\.001" with a decimal point, "1\.234,56" with a decimal comma\).*--decimal/);
  });

  it('a file-level failure is one line on stderr, exit 1', async () => {
    const empty = await cli('import', 'payments', file('empty.csv', ''));
    expect(empty).toMatchObject({ code: 1, stdout: '', stderr: 'cartera: The file is empty.\n' });
    const missing = await cli('import', 'payments', path.join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^cartera: Cannot read .*nope\.csv: ENOENT\n$/);
    const columns = await cli('import', 'payments', file('cols.csv', 'client_code,amount\nC001,5\n'));
    expect(columns.stderr).toBe('cartera: The file lacks required columns: date.\n');
  });
});
