import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '#shared/domain/money';
import { markEvidence, parseTypedAmount, readNumber } from '#shared/domain/numberDialect';

const LOCALES = ['es-PE', 'es-MX', 'es-CO', 'es-CL', 'es-AR', 'es-ES', 'en-US', 'en-GB'];
const decimalOf = (locale: string) => (new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.');

describe('amounts typed in forms (issue 9, item 7)', () => {
  it('accept either mark when the text settles it, in any locale', () => {
    for (const mark of ['.', ','] as const) {
      expect(parseTypedAmount('250,50', 'PEN', mark)).toEqual({ ok: true, value: 25_050 });
      expect(parseTypedAmount('250.50', 'PEN', mark)).toEqual({ ok: true, value: 25_050 });
      expect(parseTypedAmount('1.234,56', 'PEN', mark)).toEqual({ ok: true, value: 123_456 });
      expect(parseTypedAmount('S/ 1,234.56', 'PEN', mark)).toEqual({ ok: true, value: 123_456 });
    }
  });

  it('refuse impossible groupings and extra decimals, saying how the text reads; never guess', () => {
    expect(parseTypedAmount('0,001', 'PEN', '.')).toEqual({ ok: false, reason: 'too_many_decimals', readAs: '0.001' });
    expect(parseTypedAmount('1,23,4', 'PEN', '.')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseTypedAmount('1,23,4', 'PEN', ',')).toEqual({ ok: false, reason: 'not_a_number' });
    // both marks could read "1,500": the locale's mark decides, as the app writes amounts
    expect(parseTypedAmount('1,500', 'PEN', '.')).toEqual({ ok: true, value: 150_000 });
    expect(parseTypedAmount('1,500', 'PEN', ',')).toEqual({ ok: false, reason: 'too_many_decimals', readAs: '1.500' });
    expect(parseTypedAmount('1.500', 'CLP', ',')).toEqual({ ok: true, value: 1500 });
    expect(parseTypedAmount('doce', 'PEN', '.')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseTypedAmount('  ', 'PEN', '.')).toEqual({ ok: false, reason: 'empty' });
  });

  it('format → parse gives back the same cents in every locale and currency', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom('PEN', 'USD', 'MXN', 'COP', 'CLP', 'ARS', 'EUR', 'KWD', 'JPY'),
        fc.oneof(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: -999_999_999_999, max: 999_999_999_999 })),
        (locale, currency, cents) => {
          const text = formatMoney(cents, currency, locale);
          expect(parseTypedAmount(text, currency, decimalOf(locale)), text).toEqual({ ok: true, value: cents });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('the quick path of the evidence agrees with reading the text both ways', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '5', '.', ','), maxLength: 12 }), (s) => {
        const valid = (['.', ','] as const).filter((m) => readNumber(s, m) !== null);
        const want = valid.length === 1 ? valid[0] : valid.length === 0 ? 'none' : /[.,]/.test(s) ? 'ambiguous' : 'none';
        expect(markEvidence(s), s).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });
});
