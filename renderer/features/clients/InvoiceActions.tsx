import { ActionIcon, Menu } from '@mantine/core';
import type { Invoice } from '#shared/contract/invoices';
import { invoiceLabel } from '../invoices/AllInvoicesTable';
import { useClientsT } from './i18n';

export type InvoiceAction = 'edit' | 'receipt' | 'creditNote' | 'dispute' | 'void';

/** Per-invoice actions in a menu (keyboard: Tab to the button, Enter, arrows). A voided invoice has none. */
export function InvoiceActions({ invoice, onAction }: { invoice: Invoice; onAction(inv: Invoice, a: InvoiceAction): void }) {
  const { t } = useClientsT();
  if (invoice.voidedAt) return null;
  const item = (a: InvoiceAction, label: string, color?: string) => (
    <Menu.Item color={color} onClick={() => onAction(invoice, a)}>
      {label}
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('ui.cl.inv.actions', { number: invoiceLabel(invoice) })}>
          <span aria-hidden style={{ fontWeight: 700, letterSpacing: 1 }}>
            ⋯
          </span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {item('edit', t('ui.cl.inv.edit'))}
        {item('receipt', t('ui.cl.inv.receipt'))}
        {invoice.openAmount > 0 && item('creditNote', t('ui.cl.cn.add'))}
        {!invoice.disputed && item('dispute', t('ui.cl.dsp.open'))}
        <Menu.Divider />
        {item('void', t('ui.cl.inv.void'), 'red')}
      </Menu.Dropdown>
    </Menu>
  );
}
