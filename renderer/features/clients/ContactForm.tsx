import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Contact } from '#shared/contract/clients';
import { useSubmit } from '../../components/useSubmit';
import { useClientsT } from './i18n';

export const CHANNELS = ['phone', 'email', 'whatsapp', 'sms', 'letter', 'visit'] as const;
export type ContactInput = Omit<Contact, 'id' | 'clientId'>;

/** A person to call or write to at the client, with the channel they answer. */
export function ContactForm({ contact, onSubmit, onCancel }: { contact?: Contact; onSubmit(input: ContactInput): Promise<void>; onCancel(): void }) {
  const { t, locale } = useClientsT();
  const [v, setV] = useState({
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    whatsapp: contact?.whatsapp ?? '',
    preferredChannel: contact?.preferredChannel ?? '',
  });
  const { errors, setErrors, saving, run } = useSubmit(locale);
  const field = (k: Exclude<keyof typeof v, 'preferredChannel'>) => ({
    value: v[k],
    onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value }),
    error: errors.fields[k],
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!v.name.trim()) return setErrors({ form: t('validation.failed'), fields: { name: t('validation.required') } });
    const s = (x: string) => x.trim() || null;
    void run(() =>
      onSubmit({
        name: v.name.trim(),
        role: s(v.role),
        phone: s(v.phone),
        email: s(v.email),
        whatsapp: s(v.whatsapp),
        preferredChannel: (v.preferredChannel || null) as Contact['preferredChannel'],
      }),
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t(contact ? 'ui.cl.contact.edit' : 'ui.cl.contact.add')}>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('ui.cl.contact.name')} required data-autofocus {...field('name')} />
          <TextInput label={t('ui.cl.contact.role')} {...field('role')} />
          <TextInput label={t('ui.client.phone')} type="tel" {...field('phone')} />
          <TextInput label={t('ui.client.email')} type="email" {...field('email')} />
          <TextInput label={t('ui.cl.contact.whatsapp')} type="tel" {...field('whatsapp')} />
          <NativeSelect
            label={t('ui.cl.contact.preferred')}
            value={v.preferredChannel}
            onChange={(e) => setV({ ...v, preferredChannel: e.currentTarget.value })}
            data={[{ value: '', label: '—' }, ...CHANNELS.map((c) => ({ value: c, label: t(`ui.cl.channel.${c}`) }))]}
          />
        </SimpleGrid>
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
