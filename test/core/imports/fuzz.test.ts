import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import type { ImportReport } from '#shared/contract/imports';
import { freshCore, snapshot } from '../../support/core';
import { runImport, withClients } from './helpers';

let core: Core;
beforeAll(async () => {
  core = await freshCore();
  await withClients(core);
  await runImport(core, 'invoices', 'client_code,number,issue_date,amount\nC1,F-1,2026-01-01,100\nC2,F-2,2026-02-01,50\n');
});
afterAll(async () => {
  await core.close();
});

const kind = fc.constantFrom('clients' as const, 'invoices' as const, 'payments' as const);
const HEADERS = [
  'code',
  'name',
  'client_code',
  'Código',
  'Razón Social',
  'number',
  'Nº Factura',
  'issue_date',
  'Fecha de emisión',
  'due_date',
  'amount',
  'Importe',
  'currency',
  'date',
  'invoice_number',
  'reference',
  'method',
  'credit_limit',
  'Plazo',
  'email',
];
const VALUES = [
  'C1',
  'c2',
  'C9',
  'F-1',
  'F-2',
  '2026-01-05',
  '05/01/2026',
  '01/13/2026',
  '31/02/2026',
  '45000',
  '1.234,56',
  '1,234.56',
  '-3',
  '0',
  '10',
  '999999999999999999',
  'PEN',
  'USD',
  'S/',
  'XXX',
  '',
  ' ',
  '"',
  'a;b',
  'x,y',
  '\n',
  'ñandú',
  '30 días',
  'a@b.co',
];
const CANONICAL = [
  ['code', 'name', 'tax_id', 'email', 'credit_limit', 'payment_terms_days'],
  ['client_code', 'number', 'issue_date', 'due_date', 'currency', 'amount'],
  ['client_code', 'invoice_number', 'date', 'amount', 'currency', 'reference'],
];
const cell = fc.oneof(
  { arbitrary: fc.constantFrom(...VALUES), weight: 4 },
  { arbitrary: fc.constantFrom(...HEADERS), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);
const KINDS = ['clients', 'invoices', 'payments'] as const;
/** A kind and a file for it: mostly with that kind's header, sometimes another or none at all. */
const csvish = fc
  .integer({ min: 0, max: 2 })
  .chain((i) =>
    fc
      .tuple(
        fc.constant(KINDS[i]!),
        fc.constantFrom(',', ';', ';', ',', '\t', '|'),
        fc.option(
          fc.oneof(
            { arbitrary: fc.constant(CANONICAL[i]!), weight: 4 },
            { arbitrary: fc.shuffledSubarray(HEADERS, { minLength: 2, maxLength: 7 }), weight: 1 },
          ),
          { nil: null, freq: 6 },
        ),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 12 }),
      )
      .map(([k, d, header, rows]) => [k, (header ? [header, ...rows] : rows).map((r) => r.join(d)).join('\n')] as const),
  );

/** The maintained figures must still agree with the events after whatever was imported. */
function balancesConsistent(): void {
  const bad = core.ctx.sqlite
    .prepare(
      `SELECT id FROM invoices i WHERE open_amount < 0 OR open_amount != amount
         - coalesce((SELECT sum(amount) FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL), 0)
         - coalesce((SELECT sum(amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL), 0)
       UNION ALL
       SELECT id FROM payments p WHERE voided_at IS NULL AND (unapplied_amount < 0 OR unapplied_amount != amount
         - coalesce((SELECT sum(amount) FROM payment_allocations a WHERE a.payment_id = p.id AND a.voided_at IS NULL), 0))`,
    )
    .all();
  expect(bad).toEqual([]);
}

async function check(k: 'clients' | 'invoices' | 'payments', content: string | Uint8Array, partial: boolean): Promise<void> {
  const before = snapshot(core);
  const { report, error } = await runImport(core, k, content, { partial });
  if (error) {
    expect(error.code).toBe('validation');
    expect(snapshot(core)).toEqual(before);
    return;
  }
  const r = report as ImportReport;
  expect(r.counts.accepted + r.counts.rejected).toBe(r.counts.rows);
  expect(r.rejects.every((x) => x.line > r.headerLine && x.message.length > 0)).toBe(true);
  if (!r.applied) expect(snapshot(core)).toEqual(before);
  balancesConsistent();
}

describe('the importer never crashes', () => {
  it('random bytes: a report or a typed error, and nothing written on error', async () => {
    await fc.assert(
      fc.asyncProperty(kind, fc.uint8Array({ maxLength: 300 }), fc.boolean(), (k, bytes, partial) => check(k, bytes, partial)),
      { numRuns: 120 },
    );
  });

  it('CSV-ish text with known headers and tricky values', async () => {
    await fc.assert(
      fc.asyncProperty(csvish, fc.boolean(), ([k, text], partial) => check(k, text, partial)),
      { numRuns: 300 },
    );
  });
});
