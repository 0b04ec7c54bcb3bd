import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { addDays, formatDate, isIsoDate } from '#shared/domain/dates';
import { centsToDecimalString, formatMoney } from '#shared/domain/money';
import { amountError, parseAmount } from '../../app/amount';
import { decimalMark, todayIso } from '../../app/locale';
import { CURRENCIES } from '../../app/options';
import { useT } from '../../app/stores';
import { NO_ERRORS, toFormErrors, type FormErrors } from '../../components/formErrors';
import type { Invoice } from '#shared/contract/invoices';
import type { ClientDetailState } from './detailStore';
import { useClientsT } from './i18n';
import { dateError } from '../../components/dateError';
import { TEXT_LIMITS } from '#shared/contract/limits';
import { LimitedTextarea } from '../../components/LimitedTextarea';

type InvoiceInput = Parameters<ClientDetailState['createInvoice']>[0];

/** An edited amount is shown with the locale's decimal mark, so parsing it back gives the same cents. */
function initial(inv: Invoice | undefined, currency: string, locale: string) {
  if (!inv) return { series: '', number: '', issueDate: todayIso(), dueDate: '', currency, amount: '', description: '' };
  const { series, number, issueDate, dueDate, description } = inv;
  return {
    series,
    number,
    issueDate,
    dueDate,
    currency: inv.currency,
    amount: centsToDecimalString(inv.amount, inv.currency).replace('.', decimalMark(locale)),
    description: description ?? '',
  };
}

/**
 * New or edited invoice. A new one's due date may stay empty: the core applies the client's payment
 * terms (shown as hint). Editing sends every field; the core refuses an amount below what was paid.
 */
export function InvoiceForm({
  invoice,
  clientId,
  termsDays,
  defaultCurrency,
  onSubmit,
  onCancel,
}: {
  invoice?: Invoice;
  /** a new invoice for this client is checked against its credit limit while the amount is typed */
  clientId?: number;
  termsDays: number;
  defaultCurrency: string;
  onSubmit(input: InvoiceInput): Promise<void>;
  onCancel(): void;
}) {
  const { t, locale } = useT();
  const { t: tc } = useClientsT();
  const [v, setV] = useState(() => initial(invoice, defaultCurrency, locale));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const parsed = v.amount.trim() ? parseAmount(v.amount, v.currency, locale) : null;
  const defaultDue = isIsoDate(v.issueDate) ? addDays(v.issueDate, termsDays) : null;
  const overLimit = useCreditWarning(invoice ? undefined : clientId, parsed?.ok && parsed.value > 0 ? parsed.value : null, v.currency);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!v.number.trim()) fields.number = t('validation.required');
    if (dateError(v.issueDate)) fields.issueDate = t(dateError(v.issueDate)!);
    if (v.dueDate && !isIsoDate(v.dueDate)) fields.dueDate = t('validation.date');
    if (!parsed) fields.amount = t('validation.required');
    else if (!parsed.ok) fields.amount = amountError(v.amount, parsed, v.currency, locale, t);
    else if (parsed.value <= 0) fields.amount = t('validation.amount_positive');
    if (Object.keys(fields).length || !parsed?.ok) return setErrors({ form: t('validation.failed'), fields });
    setSaving(true);
    try {
      await onSubmit({
        series: v.series.trim(),
        number: v.number.trim(),
        issueDate: v.issueDate,
        ...(v.dueDate ? { dueDate: v.dueDate } : {}),
        currency: v.currency,
        amount: parsed.value,
        description: v.description.trim() || null,
      });
    } catch (err) {
      setErrors(toFormErrors(err, locale));
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={invoice ? tc('ui.cl.inv.edit') : t('ui.invoice.new')}>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        {overLimit && (
          <Alert color="yellow" variant="light" role="status" title={tc('ui.cl.inv.overLimitTitle')}>
            {tc('ui.cl.inv.overLimit', {
              open: formatMoney(overLimit.open, v.currency, locale),
              amount: formatMoney(overLimit.amount, v.currency, locale),
              limit: formatMoney(overLimit.limit, v.currency, locale),
            })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput label={tc('ui.cl.inv.series')} w={90} value={v.series} onChange={set('series')} error={errors.fields.series} />
            <TextInput
              label={t('ui.invoice.number')}
              required
              data-autofocus
              value={v.number}
              onChange={set('number')}
              error={errors.fields.number}
              style={{ flex: 1 }}
            />
          </Group>
          <TextInput label={t('ui.invoice.issueDate')} type="date" required value={v.issueDate} onChange={set('issueDate')} error={errors.fields.issueDate} />
          <TextInput
            label={t('ui.invoice.dueDate')}
            type="date"
            value={v.dueDate}
            onChange={set('dueDate')}
            error={errors.fields.dueDate}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={defaultDue && !v.dueDate ? t('ui.invoice.dueDefault', { date: formatDate(defaultDue, locale), days: termsDays }) : undefined}
          />
          <Select
            label={t('ui.money.currency')}
            data={[...CURRENCIES]}
            value={v.currency}
            onChange={(c) => c && setV({ ...v, currency: c })}
            allowDeselect={false}
            error={errors.fields.currency}
          />
          <TextInput
            label={t('ui.money.amount')}
            required
            inputMode="decimal"
            classNames={{ input: 'num-input' }}
            value={v.amount}
            onChange={set('amount')}
            error={errors.fields.amount}
            description={parsed?.ok ? formatMoney(parsed.value, v.currency, locale) : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </SimpleGrid>
        <LimitedTextarea
          label={t('ui.invoice.description')}
          autosize
          minRows={1}
          max={TEXT_LIMITS.invoiceDescription}
          value={v.description}
          onChange={set('description')}
          error={errors.fields.description}
        />
        <Text size="xs" c="dimmed">
          {t('ui.invoice.hint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('ui.action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type OverLimit = { open: number; amount: number; limit: number };

/**
 * Asks the core (the one credit rule, `clients.creditCheck`) whether the typed amount takes the client over
 * its credit limit. A warning only: the clerk may still save, the sale was already made. Debounced so typing
 * does not call the core on every key; a stale answer for an older amount is dropped.
 */
function useCreditWarning(clientId: number | undefined, amount: number | null, currency: string): OverLimit | null {
  const [over, setOver] = useState<OverLimit | null>(null);
  useEffect(() => {
    if (clientId === undefined || amount === null) {
      setOver(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('clients.creditCheck', { clientId, amount, currency }).then(
        (r) => live && setOver(r.over && r.limit !== null ? { open: r.open, amount, limit: r.limit } : null),
        // the check is advice: if it fails, saving still reports any real error
        () => live && setOver(null),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [clientId, amount, currency]);
  return over;
}
