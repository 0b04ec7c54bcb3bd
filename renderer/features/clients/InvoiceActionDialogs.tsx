import { Modal } from '@mantine/core';
import type { Invoice } from '#shared/contract/invoices';
import { formatMoney } from '#shared/domain/money';
import { useStores } from '../../app/stores';
import { ReasonDialog } from '../../components/ReasonDialog';
import { invoiceLabel } from '../invoices/AllInvoicesTable';
import { CreditNoteDialog } from './CreditNoteDialog';
import { OpenDisputeDialog } from './DisputeDialogs';
import { useClientsT } from './i18n';
import type { InvoiceAction } from './InvoiceActions';
import { InvoiceForm } from './InvoiceForm';
import { ReceiptDialog } from './ReceiptDialog';

export type InvoiceTarget = { invoice: Invoice; action: InvoiceAction } | null;

/** The dialog of the action chosen in an invoice's menu; each write refetches the page via the store. */
export function InvoiceActionDialogs({
  target,
  termsDays,
  onClose,
  done,
}: {
  target: InvoiceTarget;
  termsDays: number;
  onClose(): void;
  done(message: string): void;
}) {
  const { t, locale } = useClientsT();
  const detail = useStores().clientDetail.getState();
  if (!target) return null;
  const { invoice: inv, action } = target;
  const number = invoiceLabel(inv);
  switch (action) {
    case 'edit':
      return (
        <Modal opened onClose={onClose} title={`${t('ui.cl.inv.edit')} · ${number}`} size="lg">
          <InvoiceForm
            invoice={inv}
            termsDays={termsDays}
            defaultCurrency={inv.currency}
            onCancel={onClose}
            onSubmit={async (input) => {
              await detail.write('invoices.update', { id: inv.id, ...input, description: input.description ?? null });
              done(t('ui.cl.inv.saved'));
            }}
          />
        </Modal>
      );
    case 'receipt':
      return (
        <ReceiptDialog
          invoice={inv}
          onClose={onClose}
          onSave={async (date) => {
            await detail.write('invoices.confirmReceipt', { id: inv.id, date });
            done(t('ui.cl.inv.saved'));
          }}
        />
      );
    case 'creditNote':
      return (
        <CreditNoteDialog
          invoice={inv}
          onClose={onClose}
          onSave={async (input) => {
            await detail.write('creditNotes.create', input);
            done(t('ui.cl.cn.saved'));
          }}
        />
      );
    case 'dispute':
      return (
        <OpenDisputeDialog
          invoice={inv}
          onClose={onClose}
          onSave={async (input) => {
            await detail.write('disputes.open', input);
            done(t('ui.cl.dsp.saved'));
          }}
        />
      );
    case 'void':
      return (
        <ReasonDialog
          opened
          title={`${t('ui.cl.inv.void')} · ${number}`}
          body={t('ui.cl.inv.voidBody', { number, amount: formatMoney(inv.amount, inv.currency, locale) })}
          confirmLabel={t('ui.cl.inv.void')}
          onClose={onClose}
          onConfirm={async (reason) => {
            await detail.write('invoices.void', { id: inv.id, reason });
            done(t('ui.cl.inv.voided'));
          }}
        />
      );
  }
}
