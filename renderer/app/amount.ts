import { parseMoney, type ParseMoneyResult } from '#shared/domain/money';
import { decimalMark } from './locale';

/**
 * Amount typed by the user → minor units. With both separators present ("1.234,56", "1,234.56") the
 * last one is the decimal mark whatever the locale; with only one, the locale decides, so "1.234" is a
 * thousand in es-CO but 1.234 (rejected: too many decimals) in es-PE — never a silent guess.
 */
export function parseAmount(text: string, currency: string, locale: string): ParseMoneyResult {
  const both = text.includes('.') && text.includes(',');
  return parseMoney(text, currency, { decimal: both ? 'auto' : decimalMark(locale) });
}
