import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { freshCore } from '../../support/core';
import { csv } from '../../fixtures/imports/book';
import { runImport, withClients } from './helpers';

/**
 * Issue 16: amounts are never guessed. Each fixture value in a one-row file and all of them in one
 * file, in four dialects; every value is read as the table says (cents) or refused (a reason), and a
 * file whose column cannot be decided stops with an error naming --decimal.
 */
const VALUES = ['0.001', '12.345', '1.500', '1,500', '1.234,56', '1,234.56', '12.50', '0,5'] as const;
type Outcome = number | 'too_many_decimals' | 'bad_amount' | 'ask';

const DIALECTS: Record<string, { header: string[]; delimiter: string; one: Outcome[]; mixed: Outcome[] | 'ask'; options?: Record<string, unknown> }> = {
  // the documented format: a decimal point, whatever a value looks like
  canonical: {
    header: ['client_code', 'number', 'issue_date', 'amount'],
    delimiter: ',',
    one: ['too_many_decimals', 'too_many_decimals', 'too_many_decimals', 150_000, 'bad_amount', 123_456, 1250, 'bad_amount'],
    mixed: ['too_many_decimals', 'too_many_decimals', 'too_many_decimals', 150_000, 'bad_amount', 123_456, 1250, 'bad_amount'],
  },
  // Spanish Excel with ';': a decimal comma unless the column's own values say otherwise
  spanishSemicolon: {
    header: ['Código cliente', 'Número', 'Fecha de emisión', 'Importe'],
    delimiter: ';',
    one: ['too_many_decimals', 1_234_500, 150_000, 'too_many_decimals', 123_456, 123_456, 1250, 50],
    mixed: 'ask',
  },
  // Spanish headers with ',' (Peru, Mexico write a point): "1.500" alone settles nothing, so we ask
  spanishComma: {
    header: ['Código cliente', 'Número', 'Fecha de emisión', 'Importe'],
    delimiter: ',',
    one: ['too_many_decimals', 'ask', 'ask', 'ask', 123_456, 123_456, 1250, 50],
    mixed: 'ask',
  },
  // English headers with ',': a point, unless the column's own values settle a comma
  englishComma: {
    header: ['Customer', 'Invoice number', 'Issue date', 'Total'],
    delimiter: ',',
    one: ['too_many_decimals', 'too_many_decimals', 'too_many_decimals', 150_000, 123_456, 123_456, 1250, 50],
    mixed: 'ask',
  },
  // canonical names with ';' are not the canonical (comma) format: without Spanish headers "1.500" asks
  canonicalSemicolon: {
    header: ['client_code', 'number', 'issue_date', 'amount'],
    delimiter: ';',
    one: ['too_many_decimals', 'ask', 'ask', 'ask', 123_456, 123_456, 1250, 50],
    mixed: 'ask',
  },
  // the user said decimal comma: every value is read so, and what does not read so is refused
  chosenComma: {
    header: ['Código cliente', 'Número', 'Fecha de emisión', 'Importe'],
    delimiter: ',',
    options: { decimal: ',' },
    one: ['bad_amount', 1_234_500, 150_000, 'too_many_decimals', 123_456, 'bad_amount', 'bad_amount', 50],
    mixed: ['bad_amount', 1_234_500, 150_000, 'too_many_decimals', 123_456, 'bad_amount', 'bad_amount', 50],
  },
};

let core: Core;
beforeEach(async () => {
  core = await freshCore({ locale: 'en' });
  await withClients(core);
});
afterEach(async () => {
  await core.close();
});

async function outcomes(dialect: (typeof DIALECTS)[string], values: readonly string[]): Promise<Outcome[] | 'ask'> {
  const rows = values.map((v, i) => ['C1', `F-${i + 1}`, '2026-01-05', v]);
  const { report, error } = await runImport(core, 'invoices', csv([dialect.header, ...rows], dialect.delimiter), { dryRun: true, options: dialect.options });
  if (error) {
    expect(error.message).toMatch(/--decimal/);
    return 'ask';
  }
  const preview = await core.call('imports.preview', {
    kind: 'invoices',
    fileName: 'x.csv',
    dataBase64: Buffer.from(csv([dialect.header, ...rows], dialect.delimiter)).toString('base64'),
    options: dialect.options,
  } as never);
  const sample = (preview as { sample: { line: number; values: Record<string, unknown> }[] }).sample;
  return values.map((_, i) => {
    const rej = report!.rejects.find((r) => r.line === i + 2);
    if (rej) return rej.reason as Outcome;
    return sample.find((s) => s.line === i + 2)!.values.amount as number;
  });
}

describe('amounts are never guessed', () => {
  for (const [name, d] of Object.entries(DIALECTS)) {
    it(`${name}: each value alone in a file`, async () => {
      const got: Outcome[] = [];
      for (const v of VALUES) {
        const r = await outcomes(d, [v]);
        got.push(r === 'ask' ? 'ask' : r[0]!);
      }
      expect(Object.fromEntries(VALUES.map((v, i) => [v, got[i]]))).toEqual(Object.fromEntries(VALUES.map((v, i) => [v, d.one[i]])));
    });
    it(`${name}: all values in one file`, async () => {
      expect(await outcomes(d, VALUES)).toEqual(d.mixed);
    });
  }

  it('a refusal says how the value was read', async () => {
    const file = csv([DIALECTS.canonical!.header, ['C1', 'F-1', '2026-01-05', '0.001'], ['C1', 'F-2', '2026-01-05', '0,5']]);
    const { report } = await runImport(core, 'invoices', file);
    expect(report!.rejects.map((r) => r.message)).toEqual([
      'amount: "0.001" read with a decimal point is 0.001, more decimals than PEN allows.',
      'amount: "0,5" is not an amount when read with a decimal point.',
    ]);
    expect(report!.counts.created).toBe(0);
  });

  it('the review says how the column was read, with an example', async () => {
    const file = csv([DIALECTS.spanishSemicolon!.header, ['C1', 'F-1', '2026-01-05', '1.234,56'], ['C1', 'F-2', '2026-01-05', '1.500']], ';');
    const { report } = await runImport(core, 'invoices', file, { dryRun: true });
    expect(report!.decimals).toEqual({ amount: { decimal: ',', basis: 'values', example: '1.234,56', readAs: '1234.56' } });
  });

  it('credit limits of a client import follow the same rule', async () => {
    const one = (v: string) =>
      csv([
        ['Código', 'Razón social', 'Límite de crédito'],
        ['Z1', 'Nuevo', v],
      ]);
    expect((await runImport(core, 'clients', one('1.500'), { dryRun: true })).error?.message).toMatch(/--decimal/);
    const { report } = await runImport(
      core,
      'clients',
      csv([
        ['code', 'name', 'credit_limit'],
        ['Z1', 'Nuevo', '0.001'],
      ]),
    );
    expect(report!.rejects.map((r) => r.reason)).toEqual(['too_many_decimals']);
  });

  it('payments follow the same rule', async () => {
    const file = csv([
      ['client_code', 'date', 'amount'],
      ['C1', '2026-01-05', '12.345'],
    ]);
    const { report } = await runImport(core, 'payments', file);
    expect(report!.rejects.map((r) => r.reason)).toEqual(['too_many_decimals']);
    const es = csv(
      [
        ['Código cliente', 'Fecha de pago', 'Importe'],
        ['C1', '05/01/2026', '1.500'],
      ],
      ';',
    );
    const { report: r2 } = await runImport(core, 'payments', es, { dryRun: true });
    expect(r2!.decimals?.amount).toMatchObject({ decimal: ',', basis: 'file' });
  });
});

describe('values that must not pass silently (issue 10, item 16)', () => {
  const header = ['client_code', 'number', 'issue_date', 'due_date', 'currency', 'amount'];
  const one = async (row: string[]) =>
    (await runImport(core, 'invoices', csv([header, row]), { dryRun: true })).report!.rejects.map((r) => [r.reason, r.message]);

  it('"45000" in a CSV date column is not an Excel serial', async () => {
    expect(await one(['C1', 'S-1', '45000', '', 'PEN', '10'])).toEqual([['bad_date', 'issue_date: "45000" is not a date.']]);
  });
  it('"$12" is refused (dollars or pesos?); "S/ 12" in a PEN row and "12 PEN" are read', async () => {
    expect((await one(['C1', 'S-1', '2026-01-05', '', 'PEN', '$12']))[0]?.[0]).toBe('currency_symbol');
    expect((await one(['C1', 'S-1', '2026-01-05', '', 'PEN', 'US$ 12']))[0]?.[0]).toBe('currency_symbol');
    expect((await one(['C1', 'S-1', '2026-01-05', '', 'USD', '12 PEN']))[0]?.[0]).toBe('currency_symbol');
    expect(await one(['C1', 'S-1', '2026-01-05', '', 'PEN', 'S/ 12'])).toEqual([]);
    expect(await one(['C1', 'S-1', '2026-01-05', '', 'PEN', '12 PEN'])).toEqual([]);
  });
  it('an issue date of 2999-12-31, and a due date past the accepted range, are refused', async () => {
    expect(await one(['C1', 'S-1', '2999-12-31', '', 'PEN', '10'])).toEqual([
      ['date_out_of_range', 'issue_date: 2999-12-31 is outside the accepted dates (01/01/1900 to 12/31/2099).'],
    ]);
    expect((await one(['C1', 'S-1', '2099-12-20', '', 'PEN', '10']))[0]?.[0]).toBe('date_out_of_range');
    expect((await one(['C1', 'S-1', '2026-01-05', '2100-01-01', 'PEN', '10']))[0]?.[0]).toBe('date_out_of_range');
  });
});
