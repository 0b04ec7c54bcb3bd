import { Alert, Button, Group, NativeSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Invoice } from '#shared/contract/invoices';
import { BUILTIN_METHODS } from '#shared/contract/payments';
import { formatDate, isIsoDate } from '#shared/domain/dates';
import { formatMoney } from '#shared/domain/money';
import { amountError, parseAmount } from '../../app/amount';
import { todayIso } from '../../app/locale';
import { CURRENCIES } from '../../app/options';
import { useT } from '../../app/stores';
import { NO_ERRORS, toFormErrors, type FormErrors } from '../../components/formErrors';
import { AllocationEditor } from './AllocationEditor';
import { autoCredit, openInvoicesIn, readAllocations, type AllocationDraft } from './allocations';
import type { ClientDetailState } from './detailStore';
import { useClientsT } from './i18n';
import { dateError } from '../../components/dateError';
import { useFiguresT } from './figuresI18n';

type PaymentInput = Parameters<ClientDetailState['recordPayment']>[0];
type Methods = { builtin: string[]; custom: string[] };
const METHOD_KEYS = new Set<string>(BUILTIN_METHODS);

/**
 * Record a payment. By default the core applies it to the oldest due invoices first; the user may
 * instead split it over chosen invoices. Either way, what is left is shown as the client's credit.
 */
export function PaymentForm({
  defaultCurrency,
  invoices = [],
  methods,
  onSubmit,
  onCancel,
}: {
  defaultCurrency: string;
  invoices?: Invoice[];
  methods?: Methods;
  onSubmit(input: PaymentInput): Promise<void>;
  onCancel(): void;
}) {
  const { t, locale } = useT();
  const { t: tc } = useClientsT();
  const { t: tf } = useFiguresT();
  const [v, setV] = useState({ date: todayIso(), amount: '', currency: defaultCurrency, method: 'transfer', reference: '' });
  const [mode, setMode] = useState<'auto' | 'manual'>('auto');
  const [draft, setDraft] = useState<AllocationDraft>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const parsed = v.amount.trim() ? parseAmount(v.amount, v.currency, locale) : null;
  const amount = parsed?.ok && parsed.value > 0 ? parsed.value : null;
  const open = openInvoicesIn(invoices, v.currency);
  const check = readAllocations(draft, open, v.currency, locale);
  const builtin = methods?.builtin.length ? methods.builtin : [...BUILTIN_METHODS];
  const methodData = [
    ...builtin.map((m) => ({ value: m, label: METHOD_KEYS.has(m) ? t(`ui.method.${m as (typeof BUILTIN_METHODS)[number]}`) : m })),
    ...(methods?.custom ?? []).map((m) => ({ value: m, label: m })),
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (dateError(v.date)) fields.date = t(dateError(v.date)!);
    if (!parsed) fields.amount = t('validation.required');
    else if (!parsed.ok) fields.amount = amountError(v.amount, parsed, v.currency, locale, t);
    else if (parsed.value <= 0) fields.amount = t('validation.amount_positive');
    const manual = mode === 'manual' && open.length > 0;
    const badAllocations = manual && (Object.keys(check.errors).length > 0 || (amount !== null && check.sum > amount));
    if (Object.keys(fields).length || !parsed?.ok || badAllocations) return setErrors({ form: t('validation.failed'), fields });
    setSaving(true);
    try {
      const input: PaymentInput = { date: v.date, amount: parsed.value, currency: v.currency, method: v.method, reference: v.reference.trim() || null };
      await onSubmit(manual ? { ...input, allocations: check.allocations } : input);
    } catch (err) {
      setErrors(toFormErrors(err, locale));
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('ui.payment.new')}>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('ui.payment.date')}
            type="date"
            required
            value={v.date}
            onChange={set('date')}
            error={errors.fields.date}
            description={
              isIsoDate(v.date) && v.date > todayIso() ? (
                <span data-testid="postdated-warning">
                  {tf('ui.fig.futureDate', { today: formatDate(todayIso(), locale), date: formatDate(v.date, locale) })}
                </span>
              ) : undefined
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
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
          <Select
            label={t('ui.money.currency')}
            data={[...CURRENCIES]}
            value={v.currency}
            onChange={(c) => c && (setV({ ...v, currency: c }), setDraft({}))}
            allowDeselect={false}
            error={errors.fields.currency}
          />
          <NativeSelect label={t('ui.payment.method')} data={methodData} value={v.method} onChange={set('method')} error={errors.fields.method} />
          <TextInput
            label={t('ui.payment.reference')}
            value={v.reference}
            onChange={set('reference')}
            error={errors.fields.reference}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4} id="alloc-mode">
            {tc('ui.cl.alloc.mode')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="alloc-mode"
            value={mode}
            onChange={(m) => setMode(m as 'auto' | 'manual')}
            data={[
              { value: 'auto', label: tc('ui.cl.alloc.auto') },
              { value: 'manual', label: tc('ui.cl.alloc.manual') },
            ]}
          />
        </div>
        {mode === 'manual' ? (
          <AllocationEditor invoices={open} currency={v.currency} total={amount} draft={draft} check={check} onChange={setDraft} />
        ) : (
          <Text size="xs" c="dimmed" data-testid="allocation-credit">
            {t('ui.payment.autoAllocate')}
            {amount !== null &&
              autoCredit(amount, open) > 0 &&
              ` ${tc('ui.cl.alloc.credit', { amount: formatMoney(autoCredit(amount, open), v.currency, locale) })}`}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('ui.payment.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
