import { Text } from '@mantine/core';
import type { Invoice } from '#shared/contract/invoices';
import { formatMoney } from '#shared/domain/money';
import { useFiguresT } from './figuresI18n';

/** What an invoice owes today by the aging rule (post-dated payments not yet subtracted). */
export function openToday(inv: Pick<Invoice, 'openAmount' | 'openToday'>): number {
  // older cores (and fixtures) send only openAmount
  return inv.openToday ?? inv.openAmount;
}

/** Under an invoice's balance: the post-dated payments already allocated to it, shown apart. */
export function PostDatedNote({ invoice }: { invoice: Pick<Invoice, 'postDated' | 'currency'> }) {
  const { t, locale } = useFiguresT();
  if (!invoice.postDated) return null;
  return (
    <Text size="xs" c="dimmed" className="num" data-testid="invoice-postdated" title={t('ui.fig.postDatedHint')}>
      {t('ui.fig.postDatedShort', { amount: formatMoney(invoice.postDated, invoice.currency, locale) })}
    </Text>
  );
}
