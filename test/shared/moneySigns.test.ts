import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from '#shared/domain/money';

const LOCALES = ['es-PE', 'es-MX', 'es-CO', 'es-CL', 'es-AR', 'en-US', 'en-GB'];
const CURRENCIES = ['PEN', 'USD', 'MXN', 'COP', 'CLP', 'ARS', 'EUR', 'JPY', 'CAD'];

/** What is left of a formatted amount once the figures, signs and spaces are taken out. */
function signOf(text: string): string {
  return text.replace(/[\d.,\s\u00a0\u202f-]/g, '');
}

describe('currency signs', () => {
  it('never writes the same sign for two currencies in any locale (USD is not "$" next to MXN or PEN)', () => {
    for (const locale of LOCALES) {
      const signs = CURRENCIES.map((c) => signOf(formatMoney(123456, c, locale)));
      expect(new Set(signs).size, `${locale}: ${signs.join(' ')}`).toBe(CURRENCIES.length);
      expect(signs).not.toContain('$');
    }
  });

  it('uses the signs a Latin-American clerk reads without doubt, or the ISO code', () => {
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('US$1,234.56');
    expect(formatMoney(123456, 'USD', 'es-PE')).toBe('US$\u00a01,234.56');
    expect(formatMoney(123456, 'PEN', 'es-PE')).toBe('S/\u00a01,234.56');
    expect(formatMoney(123456, 'PEN', 'en-US')).toBe('S/\u00a01,234.56');
    expect(formatMoney(123456, 'MXN', 'es-MX')).toBe('MX$1,234.56');
    expect(formatMoney(-123456, 'CAD', 'en-US')).toBe('-CAD\u00a01,234.56');
  });

  it('reads back what it writes', () => {
    for (const locale of ['es-PE', 'en-US', 'es-MX'])
      for (const c of ['PEN', 'USD', 'MXN', 'EUR']) {
        const r = parseMoney(formatMoney(-123456, c, locale), c, { decimal: '.' });
        expect(r, `${locale} ${c}`).toEqual({ ok: true, value: -123456 });
      }
  });
});
