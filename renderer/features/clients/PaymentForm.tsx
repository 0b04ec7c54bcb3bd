import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { BUILTIN_METHODS } from '#shared/contract/payments';
import { isIsoDate } from '#shared/domain/dates';
import { formatMoney } from '#shared/domain/money';
import { parseAmount } from '../../app/amount';
import { todayIso } from '../../app/locale';
import { CURRENCIES } from '../../app/options';
import { useT } from '../../app/stores';
import { NO_ERRORS, toFormErrors, type FormErrors } from '../../components/formErrors';
import type { ClientDetailState } from './detailStore';

type PaymentInput = Parameters<ClientDetailState['recordPayment']>[0];

/** Record a payment; without explicit allocations the core applies it to the oldest due invoices first. */
export function PaymentForm({ defaultCurrency, onSubmit, onCancel }: { defaultCurrency: string; onSubmit(input: PaymentInput): Promise<void>; onCancel(): void }) {
  const { t, locale } = useT();
  const [v, setV] = useState({ date: todayIso(), amount: '', currency: defaultCurrency, method: 'transfer', reference: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const parsed = v.amount.trim() ? parseAmount(v.amount, v.currency, locale) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!isIsoDate(v.date)) fields.date = t('validation.date');
    if (!parsed) fields.amount = t('validation.required');
    else if (!parsed.ok || parsed.value <= 0) fields.amount = t(parsed.ok ? 'validation.amount_positive' : 'validation.amount');
    if (Object.keys(fields).length || !parsed?.ok) return setErrors({ form: t('validation.failed'), fields });
    setSaving(true);
    try {
      await onSubmit({ date: v.date, amount: parsed.value, currency: v.currency, method: v.method, reference: v.reference.trim() || null });
    } catch (err) {
      setErrors(toFormErrors(err, locale));
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('ui.payment.new')}>
      <Stack gap="sm">
        {errors.form && <Alert color="red" variant="light" role="alert">{errors.form}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('ui.payment.date')} type="date" required value={v.date} onChange={set('date')} error={errors.fields.date} />
          <TextInput
            label={t('ui.money.amount')}
            required
            data-autofocus
            inputMode="decimal"
            classNames={{ input: 'num-input' }}
            value={v.amount}
            onChange={set('amount')}
            error={errors.fields.amount}
            description={parsed?.ok ? formatMoney(parsed.value, v.currency, locale) : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Select label={t('ui.money.currency')} data={[...CURRENCIES]} value={v.currency} onChange={(c) => c && setV({ ...v, currency: c })} allowDeselect={false} error={errors.fields.currency} />
          <Select
            label={t('ui.payment.method')}
            data={BUILTIN_METHODS.map((m) => ({ value: m, label: t(`ui.method.${m}`) }))}
            value={v.method}
            onChange={(m) => m && setV({ ...v, method: m })}
            allowDeselect={false}
            error={errors.fields.method}
          />
          <TextInput label={t('ui.payment.reference')} value={v.reference} onChange={set('reference')} error={errors.fields.reference} style={{ gridColumn: 'span 2' }} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">{t('ui.payment.autoAllocate')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('ui.action.cancel')}</Button>
          <Button type="submit" loading={saving}>{t('ui.payment.record')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
