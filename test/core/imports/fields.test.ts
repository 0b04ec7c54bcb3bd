import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldHeader, matchHeaders, missingFields } from '#shared/domain/importFields';
import { decideColumnMark } from '#shared/domain/numberDialect';
import { decideDateReading, excelSerialToIso, parseDateCell, parseTermsCell, normalizeMethod } from '#shared/domain/importValues';
import { detectDelimiter } from '#core/imports/read';

describe('header matching', () => {
  it('ignores case, accents and punctuation; English and Spanish', () => {
    expect(foldHeader('  Fecha de Emisión: ')).toBe('fecha de emision');
    expect(foldHeader('Nº Factura')).toBe('no factura');
    expect(matchHeaders('invoices', ['Código Cliente', 'N° Factura', 'FECHA_EMISION', 'F. Vencimiento', 'Moneda', 'Importe Total', 'Glosa'])).toEqual({
      client_code: 0,
      number: 1,
      issue_date: 2,
      due_date: 3,
      currency: 4,
      amount: 5,
      description: 6,
    });
    expect(matchHeaders('clients', ['Razón Social', 'RUC', 'Código', 'E-mail', 'Celular'])).toEqual({ name: 0, tax_id: 1, code: 2, email: 3, phone: 4 });
    expect(matchHeaders('payments', ['Cliente', 'Fecha de pago', 'Monto', 'Forma de pago', 'Operación', 'RFC'])).toEqual({
      client_code: 0,
      date: 1,
      amount: 2,
      method: 3,
      reference: 4,
      client_tax_id: 5,
    });
  });

  it('names what is missing; a client can be found by code or by tax id', () => {
    expect(missingFields('invoices', { number: 0, issue_date: 1, amount: 2 })).toEqual(['client_code|client_tax_id']);
    expect(missingFields('invoices', { client_tax_id: 3, number: 0, issue_date: 1, amount: 2 })).toEqual([]);
    expect(missingFields('payments', { client_code: 0 })).toEqual(['date', 'amount']);
  });
});

describe('values', () => {
  it('dates: day-first by default in Spanish files, evidence wins, mixed evidence rejects only the ambiguous', () => {
    const es = decideDateReading(['03/04/2026'], 'auto', true);
    expect(parseDateCell('03/04/2026', es)).toEqual({ ok: true, value: '2026-04-03' });
    const us = decideDateReading(['03/04/2026', '12/31/2026'], 'auto', true);
    expect(us).toMatchObject({ order: 'mdy', conflicting: false });
    const mixed = decideDateReading(['13/01/2026', '01/13/2026'], 'auto', true);
    expect(parseDateCell('03/04/2026', mixed)).toEqual({ ok: false, reason: 'ambiguous_date' });
    expect(parseDateCell('13/01/2026', mixed)).toEqual({ ok: true, value: '2026-01-13' });
    expect(parseDateCell('2026-02-29', es)).toEqual({ ok: false, reason: 'bad_date' });
    expect(parseDateCell('15-03-26', es)).toEqual({ ok: true, value: '2026-03-15' });
    expect(parseDateCell('2026-03-15 00:00:00', es)).toEqual({ ok: true, value: '2026-03-15' });
    expect(parseDateCell('15/03/2026', decideDateReading([], 'iso', true))).toEqual({ ok: false, reason: 'bad_date' });
    expect(excelSerialToIso(46_082)).toBe('2026-03-01');
    expect(parseDateCell(46_082.75, es)).toEqual({ ok: true, value: '2026-03-01' });
  });

  it('decimal mark is decided per column from the values that settle it', () => {
    const en = { canonical: false, spanish: false, delimiter: ';' };
    const mark = (cells: string[]) => {
      const r = decideColumnMark(cells, en);
      return r.ok ? r.decimal : r.problem;
    };
    expect(mark(['1.500', '2.300'])).toBe('no_evidence');
    expect(mark(['1.500', '12,5'])).toBe(',');
    expect(mark(['1,500.00', '3.5'])).toBe('.');
    expect(mark(['1.234.567', '10'])).toBe(',');
    expect(mark(['12.50', '0,5'])).toBe('contradictory');
  });

  it('terms and methods', () => {
    expect([
      parseTermsCell('30'),
      parseTermsCell('30 días'),
      parseTermsCell('Crédito 45 días'),
      parseTermsCell('Contado'),
      parseTermsCell('pronto'),
      parseTermsCell('30.5'),
    ]).toEqual([30, 30, 45, 0, null, null]);
    expect([normalizeMethod('Transferencia'), normalizeMethod('DEPÓSITO'), normalizeMethod('Yape'), normalizeMethod('Letra'), normalizeMethod('')]).toEqual([
      'transfer',
      'deposit',
      'yape',
      'Letra',
      'other',
    ]);
  });

  it('a read date is always a real calendar date or a reason (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.double(), fc.integer()), fc.constantFrom('auto', 'iso', 'dmy', 'mdy' as const), (v, opt) => {
        const r = parseDateCell(v, decideDateReading([v], opt, true));
        if (r.ok) expect(r.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});

describe('delimiter detection', () => {
  it('counts outside quotes and tolerates a title line', () => {
    expect(detectDelimiter('Reporte, octubre\ncode;name;email\nA;"Uno; Dos";a@b.co\nB;Tres;c@d.co\n')).toBe(';');
    expect(detectDelimiter('code,name\nA,"x;y;z"\n')).toBe(',');
    expect(detectDelimiter('code\tname\nA\tB\n')).toBe('\t');
  });
});
