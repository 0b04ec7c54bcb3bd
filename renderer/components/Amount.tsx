import { Text, type TextProps } from '@mantine/core';
import { centsToDecimalString, currencyDigits } from '#shared/domain/money';
import { useT } from '../app/stores';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount without its currency sign, for dense tables whose title or header already names the one
 * currency they hold (accounting style: 12,345.60). Minor units, formatted via a decimal string.
 */
export function Amount({ cents, currency, ...props }: { cents: number; currency: string } & TextProps) {
  const { locale } = useT();
  const digits = currencyDigits(currency);
  const key = `${locale}|${digits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return (
    <Text component="span" inherit className="num" {...props}>
      {f.format(centsToDecimalString(cents, currency) as unknown as number)}
    </Text>
  );
}
