import { Button, Table, Text, TextInput } from '@mantine/core';
import type { Invoice } from '#shared/contract/invoices';
import { centsToDecimalString, formatMoney } from '#shared/domain/money';
import { amountError, parseAmount } from '../../app/amount';
import { decimalMark } from '../../app/locale';
import { DateText } from '../../components/DateText';
import { Money } from '../../components/Money';
import { invoiceLabel } from '../invoices/AllInvoicesTable';
import type { AllocationCheck, AllocationDraft } from './allocations';
import { useClientsT } from './i18n';

type Props = {
  invoices: Invoice[];
  currency: string;
  total: number | null;
  draft: AllocationDraft;
  check: AllocationCheck;
  onChange(d: AllocationDraft): void;
};

/** Amount per open invoice (oldest due first), with what stays as the client's credit underneath. */
export function AllocationEditor({ invoices, currency, total, draft, check, onChange }: Props) {
  const { t, locale } = useClientsT();
  if (invoices.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ui.cl.alloc.noOpen', { currency })}
      </Text>
    );
  const rest = total === null ? null : total - check.sum;
  // "Fill" puts what is left of the payment (at most the invoice's balance) on one invoice
  const fill = (inv: Invoice) => {
    const current = check.allocations.find((a) => a.invoiceId === inv.id)?.amount ?? 0;
    const amount = Math.min(inv.openAmount, Math.max(0, (rest ?? inv.openAmount) + current));
    onChange({ ...draft, [inv.id]: amount ? centsToDecimalString(amount, currency).replace('.', decimalMark(locale)) : '' });
  };
  return (
    <div>
      <Table verticalSpacing={4} fz="sm" aria-label={t('ui.cl.alloc.manual')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.invoice.number')}</Table.Th>
            <Table.Th>{t('ui.invoice.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('ui.balance.open')}</Table.Th>
            <Table.Th ta="right" w={160}>
              {t('ui.money.amount')}
            </Table.Th>
            <Table.Th w={70} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((inv) => {
            const err = check.errors[inv.id];
            return (
              <Table.Tr key={inv.id} data-testid="allocation-row">
                <Table.Td ff="monospace">{invoiceLabel(inv)}</Table.Td>
                <Table.Td>
                  <DateText date={inv.dueDate} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money cents={inv.openAmount} currency={currency} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('ui.cl.alloc.applyAmount', { number: invoiceLabel(inv) })}
                    inputMode="decimal"
                    classNames={{ input: 'num-input' }}
                    value={draft[inv.id] ?? ''}
                    onChange={(e) => onChange({ ...draft, [inv.id]: e.currentTarget.value })}
                    error={
                      err === 'exceeds'
                        ? t('ui.cl.alloc.exceeds', { amount: formatMoney(inv.openAmount, currency, locale) })
                        : err
                          ? amountError(draft[inv.id] ?? '', parseAmount(draft[inv.id] ?? '', currency, locale), currency, locale, t)
                          : undefined
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => fill(inv)}>
                    {t('ui.cl.alloc.fill')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {rest !== null && (
        <Text size="sm" mt="xs" fw={500} c={rest < 0 ? 'red.8' : undefined} role={rest < 0 ? 'alert' : 'status'} data-testid="allocation-credit">
          {rest < 0
            ? t('ui.cl.alloc.over', { amount: formatMoney(-rest, currency, locale) })
            : t('ui.cl.alloc.credit', { amount: formatMoney(rest, currency, locale) })}
        </Text>
      )}
    </div>
  );
}
