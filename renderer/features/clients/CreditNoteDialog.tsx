import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Invoice } from '#shared/contract/invoices';
import { formatMoney } from '#shared/domain/money';
import { amountError, parseAmount } from '../../app/amount';
import { todayIso } from '../../app/locale';
import { useSubmit } from '../../components/useSubmit';
import { invoiceLabel } from '../invoices/AllInvoicesTable';
import { useClientsT } from './i18n';
import { dateError } from '../../components/dateError';
import { TEXT_LIMITS } from '#shared/contract/limits';
import { LimitedTextarea } from '../../components/LimitedTextarea';

export type CreditNoteInput = { invoiceId: number; number: string; date: string; amount: number; reason: string | null };

/** A credit note lowers the invoice's balance from its date; it cannot exceed what is still open. */
export function CreditNoteDialog({ invoice, onSave, onClose }: { invoice: Invoice; onSave(input: CreditNoteInput): Promise<void>; onClose(): void }) {
  const { t, locale } = useClientsT();
  const [v, setV] = useState({ number: '', date: todayIso(), amount: '', reason: '' });
  const { errors, setErrors, saving, run } = useSubmit(locale);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const parsed = v.amount.trim() ? parseAmount(v.amount, invoice.currency, locale) : null;
  const open = formatMoney(invoice.openAmount, invoice.currency, locale);

  const save = () => {
    const fields: Record<string, string> = {};
    if (!v.number.trim()) fields.number = t('validation.required');
    if (dateError(v.date)) fields.date = t(dateError(v.date)!);
    if (parsed && !parsed.ok) fields.amount = amountError(v.amount, parsed, invoice.currency, locale, t);
    else if (!parsed?.ok || parsed.value <= 0) fields.amount = t(parsed?.ok ? 'validation.amount_positive' : 'validation.required');
    else if (parsed.value > invoice.openAmount) fields.amount = t('ui.cl.alloc.exceeds', { amount: open });
    if (Object.keys(fields).length || !parsed?.ok) return setErrors({ form: null, fields });
    void run(() => onSave({ invoiceId: invoice.id, number: v.number.trim(), date: v.date, amount: parsed.value, reason: v.reason.trim() || null }));
  };

  return (
    <Modal opened onClose={onClose} title={`${t('ui.cl.cn.add')} · ${invoiceLabel(invoice)}`}>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('ui.cl.cn.number')} required data-autofocus value={v.number} onChange={set('number')} error={errors.fields.number} />
          <TextInput label={t('ui.payment.date')} type="date" required value={v.date} onChange={set('date')} error={errors.fields.date} />
        </SimpleGrid>
        <TextInput
          label={`${t('ui.money.amount')} (${invoice.currency})`}
          required
          inputMode="decimal"
          classNames={{ input: 'num-input' }}
          value={v.amount}
          onChange={set('amount')}
          error={errors.fields.amount}
          description={parsed?.ok ? formatMoney(parsed.value, invoice.currency, locale) : t('ui.cl.cn.maxHint', { amount: open })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <LimitedTextarea
          label={t('ui.cl.cn.reason')}
          autosize
          minRows={1}
          max={TEXT_LIMITS.creditNoteReason}
          value={v.reason}
          onChange={set('reason')}
          error={errors.fields.reason}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.action.cancel')}
          </Button>
          <Button loading={saving} onClick={save}>
            {t('ui.action.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
