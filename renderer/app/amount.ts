import { currencyDigits } from '#shared/domain/money';
import { parseTypedAmount, type StrictAmount } from '#shared/domain/numberDialect';
import { decimalMark } from './locale';

/**
 * Amount typed by the user → minor units. A text that settles its decimal mark ("250,50", "1.234,56",
 * "1,234.56") is read so in any locale; only one both marks could read ("1,500") follows the locale's
 * mark. Extra decimals and impossible groupings are refused, never rounded or re-read.
 */
export function parseAmount(text: string, currency: string, locale: string): StrictAmount {
  return parseTypedAmount(text, currency, decimalMark(locale));
}

type T = (key: 'validation.amount' | 'validation.amount_read_as' | 'validation.amount_grouping', params?: Record<string, string | number>) => string;

/** The message for a refused amount: how it was read when it could be, else how to write one. */
export function amountError(text: string, parsed: StrictAmount, currency: string, locale: string, t: T): string {
  if (parsed.ok) return t('validation.amount');
  const mark = decimalMark(locale);
  if (parsed.reason === 'too_many_decimals' && parsed.readAs) {
    return t('validation.amount_read_as', { value: text.trim(), readAs: parsed.readAs.replace('.', mark), currency, digits: currencyDigits(currency) });
  }
  if (parsed.reason === 'not_a_number' && /[0-9][.,]|[.,][0-9]/.test(text)) {
    return t('validation.amount_grouping', { value: text.trim(), example: new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(1234.56) });
  }
  return t('validation.amount');
}
