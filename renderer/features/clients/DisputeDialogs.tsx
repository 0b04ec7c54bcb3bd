import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Dispute, Invoice } from '#shared/contract/invoices';
import { formatMoney } from '#shared/domain/money';
import { amountError, parseAmount } from '../../app/amount';
import { todayIso } from '../../app/locale';
import { useSubmit } from '../../components/useSubmit';
import { invoiceLabel } from '../invoices/AllInvoicesTable';
import { useClientsT } from './i18n';
import { dateError } from '../../components/dateError';
import { TEXT_LIMITS } from '#shared/contract/limits';
import { LimitedTextarea } from '../../components/LimitedTextarea';

export type OpenDisputeInput = { invoiceId: number; openedOn: string; reason: string; amount?: number };
export type ResolveDisputeInput = { id: number; resolvedOn: string; outcome: 'resolved' | 'rejected'; resolution: string };

/** The client disputes an invoice (all of it, or an amount): it shows as disputed until resolved. */
export function OpenDisputeDialog({ invoice, onSave, onClose }: { invoice: Invoice; onSave(input: OpenDisputeInput): Promise<void>; onClose(): void }) {
  const { t, locale } = useClientsT();
  const [v, setV] = useState({ openedOn: todayIso(), reason: '', amount: '' });
  const { errors, setErrors, saving, run } = useSubmit(locale);
  const parsed = v.amount.trim() ? parseAmount(v.amount, invoice.currency, locale) : null;
  const save = () => {
    const fields: Record<string, string> = {};
    if (dateError(v.openedOn)) fields.openedOn = t(dateError(v.openedOn)!);
    if (!v.reason.trim()) fields.reason = t('validation.required');
    if (parsed && !parsed.ok) fields.amount = amountError(v.amount, parsed, invoice.currency, locale, t);
    else if (parsed && parsed.value <= 0) fields.amount = t('validation.amount');
    if (Object.keys(fields).length) return setErrors({ form: null, fields });
    const amount = parsed?.ok ? { amount: parsed.value } : {};
    void run(() => onSave({ invoiceId: invoice.id, openedOn: v.openedOn, reason: v.reason.trim(), ...amount }));
  };
  return (
    <Modal opened onClose={onClose} title={`${t('ui.cl.dsp.open')} · ${invoiceLabel(invoice)}`}>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <LimitedTextarea
          label={t('ui.cl.dsp.reason')}
          required
          data-autofocus
          max={TEXT_LIMITS.disputeReason}
          value={v.reason}
          onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
          error={errors.fields.reason}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('ui.cl.dsp.openedOn')}
            value={v.openedOn}
            onChange={(e) => setV({ ...v, openedOn: e.currentTarget.value })}
            error={errors.fields.openedOn}
          />
          <TextInput
            label={t('ui.cl.dsp.amount')}
            inputMode="decimal"
            classNames={{ input: 'num-input' }}
            value={v.amount}
            onChange={(e) => setV({ ...v, amount: e.currentTarget.value })}
            error={errors.fields.amount}
            description={parsed?.ok ? formatMoney(parsed.value, invoice.currency, locale) : t('ui.cl.dsp.wholeInvoice')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </Group>
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

/** Closing a dispute needs its outcome and what was agreed, both kept with the dispute. */
export function ResolveDisputeDialog({ dispute, onSave, onClose }: { dispute: Dispute; onSave(input: ResolveDisputeInput): Promise<void>; onClose(): void }) {
  const { t, locale } = useClientsT();
  const [v, setV] = useState({ resolvedOn: todayIso(), outcome: 'resolved' as 'resolved' | 'rejected', resolution: '' });
  const { errors, setErrors, saving, run } = useSubmit(locale);
  const save = () => {
    const fields: Record<string, string> = {};
    if (dateError(v.resolvedOn)) fields.resolvedOn = t(dateError(v.resolvedOn)!);
    if (!v.resolution.trim()) fields.resolution = t('validation.required');
    if (Object.keys(fields).length) return setErrors({ form: null, fields });
    void run(() => onSave({ id: dispute.id, resolvedOn: v.resolvedOn, outcome: v.outcome, resolution: v.resolution.trim() }));
  };
  return (
    <Modal opened onClose={onClose} title={t('ui.cl.dsp.resolveTitle')}>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <Group grow align="flex-start">
          <NativeSelect
            label={t('ui.cl.dsp.outcome')}
            value={v.outcome}
            onChange={(e) => setV({ ...v, outcome: e.currentTarget.value as 'resolved' | 'rejected' })}
            data={[
              { value: 'resolved', label: t('ui.cl.dsp.status.resolved') },
              { value: 'rejected', label: t('ui.cl.dsp.status.rejected') },
            ]}
          />
          <TextInput
            type="date"
            label={t('ui.cl.dsp.resolvedOn')}
            value={v.resolvedOn}
            onChange={(e) => setV({ ...v, resolvedOn: e.currentTarget.value })}
            error={errors.fields.resolvedOn}
          />
        </Group>
        <LimitedTextarea
          label={t('ui.cl.dsp.resolution')}
          required
          data-autofocus
          max={TEXT_LIMITS.disputeResolution}
          value={v.resolution}
          onChange={(e) => setV({ ...v, resolution: e.currentTarget.value })}
          error={errors.fields.resolution}
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
