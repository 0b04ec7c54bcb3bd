import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Invoice } from '#shared/contract/invoices';
import { isIsoDate } from '#shared/domain/dates';
import { todayIso } from '../../app/locale';
import { useSubmit } from '../../components/useSubmit';
import { invoiceLabel } from '../invoices/AllInvoicesTable';
import { useClientsT } from './i18n';

/** The date the client received the invoice (today by default); "not received" clears it. */
export function ReceiptDialog({ invoice, onSave, onClose }: { invoice: Invoice; onSave(date: string | null): Promise<void>; onClose(): void }) {
  const { t, locale } = useClientsT();
  const [date, setDate] = useState(invoice.receiptConfirmedOn ?? todayIso());
  const { errors, setErrors, saving, run } = useSubmit(locale);
  const save = (d: string | null) => {
    if (d !== null && !isIsoDate(d)) return setErrors({ form: null, fields: { date: t('validation.date') } });
    void run(() => onSave(d));
  };
  return (
    <Modal opened onClose={onClose} title={`${t('ui.cl.inv.receipt')} · ${invoiceLabel(invoice)}`}>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <TextInput
          type="date"
          label={t('ui.cl.inv.receiptDate')}
          data-autofocus
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.fields.date}
        />
        <Group justify="space-between">
          {invoice.receiptConfirmedOn ? (
            <Button variant="subtle" color="gray" onClick={() => save(null)}>
              {t('ui.cl.inv.receiptClear')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('ui.action.cancel')}
            </Button>
            <Button loading={saving} onClick={() => save(date)}>
              {t('ui.action.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
