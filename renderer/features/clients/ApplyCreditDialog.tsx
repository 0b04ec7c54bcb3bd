import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Invoice } from '#shared/contract/invoices';
import type { Payment } from '#shared/contract/payments';
import { formatMoney } from '#shared/domain/money';
import { todayIso } from '../../app/locale';
import { useSubmit } from '../../components/useSubmit';
import { AllocationEditor } from './AllocationEditor';
import { openInvoicesIn, readAllocations, type AllocationDraft } from './allocations';
import { useClientsT } from './i18n';
import { dateError } from '../../components/dateError';

export type ApplyCreditInput = { paymentId: number; date: string; allocations?: { invoiceId: number; amount: number }[] };

/** A payment's unapplied credit, applied later to invoices: oldest due first, or to chosen ones. */
export function ApplyCreditDialog({
  payment,
  invoices,
  onSave,
  onClose,
}: {
  payment: Payment;
  invoices: Invoice[];
  onSave(input: ApplyCreditInput): Promise<void>;
  onClose(): void;
}) {
  const { t, locale } = useClientsT();
  const [date, setDate] = useState(todayIso());
  const [mode, setMode] = useState<'auto' | 'manual'>('auto');
  const [draft, setDraft] = useState<AllocationDraft>({});
  const { errors, setErrors, saving, run } = useSubmit(locale);
  const open = openInvoicesIn(invoices, payment.currency);
  const check = readAllocations(draft, open, payment.currency, locale);

  const save = () => {
    if (dateError(date)) return setErrors({ form: null, fields: { date: t(dateError(date)!) } });
    const manual = mode === 'manual';
    if (manual && (Object.keys(check.errors).length > 0 || check.sum > payment.unapplied || check.allocations.length === 0)) {
      return setErrors({ form: t('validation.failed'), fields: {} });
    }
    void run(() => onSave({ paymentId: payment.id, date, ...(manual ? { allocations: check.allocations } : {}) }));
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t('ui.cl.pay.applyTitle', { amount: formatMoney(payment.unapplied, payment.currency, locale) })}>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('ui.cl.pay.applyDate')}
            data-autofocus
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.fields.date}
          />
          <SegmentedControl
            value={mode}
            onChange={(m) => setMode(m as 'auto' | 'manual')}
            aria-label={t('ui.cl.alloc.mode')}
            data={[
              { value: 'auto', label: t('ui.cl.alloc.auto') },
              { value: 'manual', label: t('ui.cl.alloc.manual') },
            ]}
          />
        </Group>
        {mode === 'manual' || open.length === 0 ? (
          <AllocationEditor invoices={open} currency={payment.currency} total={payment.unapplied} draft={draft} check={check} onChange={setDraft} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('ui.payment.autoAllocate')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.action.cancel')}
          </Button>
          <Button loading={saving} disabled={open.length === 0} onClick={save}>
            {t('ui.cl.pay.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
