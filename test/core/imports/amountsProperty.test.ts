import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '#core/app';
import type { ImportPreview } from '#shared/contract/imports';
import { currencyDigits } from '#shared/domain/money';
import { freshCore } from '../../support/core';
import { csv } from '../../fixtures/imports/book';
import { previewImport, withClients } from './helpers';

let core: Core;
beforeAll(async () => {
  core = await freshCore({ locale: 'en' });
  await withClients(core);
});
afterAll(async () => {
  await core.close();
});

/** How a spreadsheet program writes a number in a locale: the cell's format decides grouping and decimals. */
type Dialect = { decimal: '.' | ','; delimiter: ',' | ';'; header: string[] };
const DIALECTS: Dialect[] = [
  { decimal: '.', delimiter: ',', header: ['client_code', 'number', 'issue_date', 'currency', 'amount'] },
  { decimal: '.', delimiter: ',', header: ['Customer', 'Invoice number', 'Issue date', 'Currency', 'Total'] },
  { decimal: ',', delimiter: ';', header: ['Código cliente', 'Número', 'Fecha de emisión', 'Moneda', 'Importe'] },
];
type Format = 'general' | 'fixed' | 'grouped';

/** Excel's text for a value: General drops trailing zeros and never groups; "#,##0.00" groups and pads. */
function excelText(cents: number, currency: string, format: Format, mark: '.' | ','): string {
  const digits = currencyDigits(currency);
  const s = String(cents).padStart(digits + 1, '0');
  let int = digits ? s.slice(0, -digits) : s;
  let frac = digits ? s.slice(-digits) : '';
  if (format === 'general') frac = frac.replace(/0+$/, '');
  if (format === 'grouped') int = int.replace(/\B(?=(\d{3})+(?!\d))/g, mark === '.' ? ',' : '.');
  return frac ? `${int}${mark}${frac}` : int;
}

it('amounts written as a spreadsheet would come back as the same cents, in any dialect and for any number of rows', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...DIALECTS),
      fc.constantFrom<Format>('general', 'fixed', 'grouped'),
      fc.array(
        fc.record({
          cents: fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 999_999_999 })),
          currency: fc.constantFrom('PEN', 'USD', 'CLP', 'KWD'),
        }),
        { minLength: 1, maxLength: 20 },
      ),
      async (d, format, rows) => {
        const lines = rows.map((r, i) => ['C1', `P-${i + 1}`, '2026-01-05', r.currency, excelText(r.cents, r.currency, format, d.decimal)]);
        const preview = (await previewImport(core, 'invoices', csv([d.header, ...lines], d.delimiter))) as ImportPreview;
        expect(preview.rejects).toEqual([]);
        expect(preview.sample.map((s) => s.values.amount)).toEqual(rows.map((r) => r.cents));
      },
    ),
    { numRuns: 60 },
  );
});
