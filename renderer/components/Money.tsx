import { Text, type TextProps } from '@mantine/core';
import { formatMoney } from '#shared/domain/money';
import { useT } from '../app/stores';

/** An amount in minor units, formatted for the UI locale; tabular figures so columns line up. */
export function Money({ cents, currency, ...props }: { cents: number; currency: string } & TextProps) {
  const { locale } = useT();
  return (
    <Text component="span" inherit className="num" {...props}>
      {formatMoney(cents, currency, locale)}
    </Text>
  );
}
