import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centsToDecimalString, currencyDigits, formatMoney, parseMoney } from '#shared/domain/money';

const ok = (text: string, currency = 'PEN', decimal?: '.' | ',') => {
  const r = parseMoney(text, currency, decimal ? { decimal } : {});
  if (!r.ok) throw new Error(`${text} → ${r.reason}`);
  return r.value;
};

describe('parseMoney', () => {
  it('reads the forms people type and spreadsheets hold', () => {
    expect(ok('1234.56')).toBe(123456);
    expect(ok('1,234.56')).toBe(123456);
    expect(ok('1.234,56')).toBe(123456);
    expect(ok('S/ 1.234,56')).toBe(123456);
    expect(ok('$1,234.5', 'USD')).toBe(123450);
    expect(ok('USD 12')).toBe(1200);
    expect(ok('(50.00)')).toBe(-5000);
    expect(ok('-0,01')).toBe(-1);
    expect(ok('1 234 567,89')).toBe(123456789);
    expect(ok('0.1')).toBe(10);
  });

  it('guesses a lone separator followed by three digits as thousands', () => {
    expect(ok('1.234')).toBe(123400);
    expect(ok('1,234')).toBe(123400);
    expect(parseMoney('1.234', 'PEN', { decimal: '.' })).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it('respects currencies without decimals', () => {
    expect(currencyDigits('CLP')).toBe(0);
    expect(ok('15.000', 'CLP')).toBe(15000);
    expect(parseMoney('15,5', 'CLP', { decimal: ',' })).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it('refuses what is not an amount instead of guessing', () => {
    for (const bad of ['', '   ', 'abc', '1.2.3,4,5', '12a', '--', '1,23,4.5']) expect(parseMoney(bad, 'PEN').ok).toBe(false);
    expect(parseMoney('1.005', 'PEN', { decimal: '.' })).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseMoney('99999999999999999999', 'PEN')).toEqual({ ok: false, reason: 'too_large' });
  });

  it('round-trips every amount through its decimal string, in either decimal convention', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (n) => {
        const s = centsToDecimalString(n, 'PEN');
        expect(ok(s, 'PEN', '.')).toBe(n);
        expect(ok(s.replace('.', ','), 'PEN', ',')).toBe(n);
      }),
    );
  });

  it('formats with Intl without float artefacts', () => {
    expect(formatMoney(123456, 'PEN', 'en-US')).toMatch(/1,234\.56/);
    expect(formatMoney(123456, 'USD', 'es-PE')).toMatch(/1,234\.56|1\.234,56|1 234,56/);
    expect(formatMoney(1, 'PEN', 'en-US')).toMatch(/0\.01/);
    expect(formatMoney(900719925474099, 'PEN', 'en-US')).toMatch(/9,007,199,254,740\.99/);
  });
});
