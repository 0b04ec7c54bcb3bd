import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDateReading, parseAmountCell, parseDateCell, plainAmount } from '#shared/domain/importValues';
import { parseInMark } from '#shared/domain/numberDialect';

/** The fast paths of the value readers must answer exactly as the general ones. */
describe('plain amounts', () => {
  const digitText = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', ',', ' ', '-', 'e', '٣'), maxLength: 22 });
  const currency = fc.constantFrom('PEN', 'USD', 'CLP', 'JPY', 'KWD', 'EUR');
  const mark = fc.constantFrom('.' as const, ',' as const);

  it('agree with parseInMark wherever they answer', () => {
    fc.assert(
      fc.property(digitText, currency, mark, (text, cur, decimal) => {
        const digits = cur === 'CLP' || cur === 'JPY' ? 0 : cur === 'KWD' ? 3 : 2;
        const fast = plainAmount(text, decimal, digits);
        if (fast !== null) expect(parseInMark(text, cur, decimal)).toEqual({ ok: true, value: fast });
        expect(parseAmountCell(text, cur, decimal)).toEqual(parseInMark(text.trim(), cur, decimal));
      }),
      { numRuns: 5000 },
    );
  });

  it('cover the usual exports and leave the rest to the general parser', () => {
    expect(plainAmount('1234.56', '.', 2)).toBe(123_456);
    expect(plainAmount('980,5', ',', 2)).toBe(98_050);
    expect(plainAmount('0007', '.', 2)).toBe(700);
    expect(plainAmount('1500', '.', 0)).toBe(1500);
    expect(plainAmount('1.5', '.', 3)).toBe(1500);
    for (const t of ['', '1.', '.5', '1,234.56', '1.234', '-5', '1e3', '12.345', '999999999999999', '1 000']) expect(plainAmount(t, '.', 2), t).toBeNull();
    expect(plainAmount('99999999999999', '.', 0)).toBe(99_999_999_999_999);
  });
});

describe('date shapes are remembered', () => {
  it('reads a repeated cell the same every time, whatever the reading', () => {
    const dmy = decideDateReading(['13/02/2026'], 'auto', false);
    const mdy = decideDateReading(['02/13/2026'], 'auto', true);
    for (let i = 0; i < 3; i++) {
      expect(parseDateCell('05/01/2026', dmy)).toEqual({ ok: true, value: '2026-01-05' });
      expect(parseDateCell('05/01/2026', mdy)).toEqual({ ok: true, value: '2026-05-01' });
      expect(parseDateCell(' 2026-01-05 00:00:00', dmy)).toEqual({ ok: true, value: '2026-01-05' });
      expect(parseDateCell('31/02/2026', dmy)).toEqual({ ok: false, reason: 'bad_date' });
    }
  });
});
