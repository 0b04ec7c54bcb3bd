import { Badge } from '@mantine/core';
import type { InvoiceStatus } from '#shared/contract/invoices';
import { useT } from '../app/stores';

const COLOR: Record<InvoiceStatus, string> = { open: 'blue', partly_paid: 'cyan', paid: 'green', overdue: 'red', voided: 'gray', disputed: 'orange' };
/** A symbol as well as a colour, so status reads without colour vision. */
const SYMBOL: Record<InvoiceStatus, string> = { open: '○', partly_paid: '◐', paid: '✓', overdue: '!', voided: '⊘', disputed: '?' };

export function StatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useT();
  return (
    <Badge color={COLOR[status]} variant={status === 'overdue' ? 'filled' : 'light'} radius="sm" leftSection={<span aria-hidden>{SYMBOL[status]}</span>}>
      {t(`ui.status.${status}`)}
    </Badge>
  );
}
