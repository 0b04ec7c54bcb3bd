import { Alert, Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Client } from '#shared/contract/clients';
import type { InputOf } from '#shared/contract/index';
import { centsToDecimalString } from '#shared/domain/money';
import { amountError, parseAmount } from '../../app/amount';
import { useT } from '../../app/stores';
import { NO_ERRORS, toFormErrors, type FormErrors } from '../../components/formErrors';
import { useClientsT } from './i18n';
import { TEXT_LIMITS } from '#shared/contract/limits';
import { LimitedTextarea } from '../../components/LimitedTextarea';
import { useFiguresT } from './figuresI18n';
import { call } from '../../api/client';

export type ClientInput = InputOf<'clients.create'>;

type Field = 'code' | 'name' | 'taxId' | 'email' | 'phone' | 'address' | 'segment' | 'creditLimit' | 'notes';

function initialValues(c: Client | undefined): Record<Field, string> & { terms: number | string; doNotContact: boolean } {
  return {
    code: c?.code ?? '',
    name: c?.name ?? '',
    taxId: c?.taxId ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    address: c?.address ?? '',
    segment: c?.segment ?? '',
    creditLimit: '',
    terms: c?.paymentTermsDays ?? 30,
    notes: c?.notes ?? '',
    doNotContact: c?.doNotContact ?? false,
  };
}

/** New/edit client. Checks what it can locally; the core's field errors land next to the same fields. */
/** Clients that already have this tax id, as "C-1 Name, …"; null when none (or the check failed: it only warns). */
async function sameTaxId(taxId: string): Promise<string | null> {
  try {
    const res = await call('clients.list', { search: taxId, limit: 20 });
    const same = res.rows.filter((r) => r.taxId?.replace(/\W/g, '') === taxId.replace(/\W/g, ''));
    return same.length ? same.map((r) => `${r.code} ${r.name}`).join(', ') : null;
  } catch {
    return null;
  }
}

export function ClientForm({
  client,
  currency,
  onSubmit,
  onCancel,
}: {
  client?: Client;
  currency: string;
  onSubmit(input: ClientInput): Promise<void>;
  onCancel(): void;
}) {
  const { t, locale } = useT();
  const { t: tc } = useClientsT();
  const [values, setValues] = useState(() => {
    const v = initialValues(client);
    if (client?.creditLimit != null) v.creditLimit = centsToDecimalString(client.creditLimit, currency);
    return v;
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  // a second client with a known tax id is allowed (branches, re-registrations) but never by accident
  const [twins, setTwins] = useState<{ taxId: string; clients: string } | null>(null);
  const { t: tf } = useFiguresT();

  const field = (name: Field) => ({
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => setValues({ ...values, [name]: e.currentTarget.value }),
    error: errors.fields[name],
  });

  function check(): { input?: ClientInput; fields: Record<string, string> } {
    const fields: Record<string, string> = {};
    if (!values.code.trim()) fields.code = t('validation.required');
    else if (/\s/.test(values.code.trim())) fields.code = t('validation.code');
    if (!values.name.trim()) fields.name = t('validation.required');
    let creditLimit: number | null = null;
    if (values.creditLimit.trim()) {
      const parsed = parseAmount(values.creditLimit, currency, locale);
      if (parsed.ok && parsed.value >= 0) creditLimit = parsed.value;
      else fields.creditLimit = amountError(values.creditLimit, parsed, currency, locale, t);
    }
    const terms = Number(values.terms);
    if (values.terms === '' || !Number.isInteger(terms) || terms < 0 || terms > 3650) fields.paymentTermsDays = t('validation.terms');
    if (Object.keys(fields).length) return { fields };
    const s = (f: Field) => values[f].trim();
    const input: ClientInput = {
      code: s('code'),
      name: s('name'),
      taxId: s('taxId'),
      email: s('email'),
      phone: s('phone'),
      address: s('address'),
      segment: s('segment'),
      creditLimit,
      paymentTermsDays: terms,
    };
    // a new client sends these only when set (the core's defaults); an edit always, so they can be cleared
    if (client || values.doNotContact) input.doNotContact = values.doNotContact;
    if (client || s('notes')) input.notes = s('notes');
    return { fields, input };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { input, fields } = check();
    if (!input) return setErrors({ form: t('validation.failed'), fields });
    setSaving(true);
    try {
      if (!client && input.taxId && twins?.taxId !== input.taxId) {
        const found = await sameTaxId(input.taxId);
        if (found) {
          setTwins({ taxId: input.taxId, clients: found });
          setSaving(false);
          return;
        }
      }
      await onSubmit(input);
    } catch (err) {
      setErrors(toFormErrors(err, locale));
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t(client ? 'ui.client.edit' : 'ui.client.new')}>
      <Stack gap="sm">
        {twins && twins.taxId === values.taxId.trim() && (
          <Alert color="yellow" variant="light" data-testid="taxid-warning">
            {tf('ui.fig.dupTaxId', { clients: twins.clients })}
          </Alert>
        )}
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('ui.client.code')} required data-autofocus {...field('code')} />
          <TextInput label={t('ui.client.name')} required {...field('name')} style={{ gridColumn: 'span 2' }} />
          <TextInput label={t('ui.client.taxId')} {...field('taxId')} />
          <TextInput label={t('ui.client.email')} type="email" {...field('email')} />
          <TextInput label={t('ui.client.phone')} type="tel" {...field('phone')} />
        </SimpleGrid>
        <LimitedTextarea label={t('ui.client.address')} autosize minRows={1} max={TEXT_LIMITS.address} {...field('address')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('ui.client.segment')} {...field('segment')} />
          <TextInput label={t('ui.client.creditLimit', { currency })} inputMode="decimal" classNames={{ input: 'num-input' }} {...field('creditLimit')} />
          <NumberInput
            label={t('ui.client.terms')}
            min={0}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            value={values.terms}
            onChange={(v) => setValues({ ...values, terms: v })}
            error={errors.fields.paymentTermsDays}
          />
        </SimpleGrid>
        <LimitedTextarea label={tc('ui.cl.notes')} autosize minRows={2} maxRows={6} max={TEXT_LIMITS.clientNotes} {...field('notes')} />
        <Checkbox
          label={t('ui.client.doNotContact')}
          description={tc('ui.cl.dncHint')}
          checked={values.doNotContact}
          onChange={(e) => setValues({ ...values, doNotContact: e.currentTarget.checked })}
        />
        <Group justify="flex-end" mt="xs">
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
