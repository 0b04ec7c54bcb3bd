import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { CompanySettings } from '#shared/contract/settings';
import { languageOf, type Language } from '#shared/i18n/index';
import { call } from '../../api/client';
import { localeFor } from '../../app/locale';
import { COUNTRIES, CURRENCIES, countryName } from '../../app/options';
import { useSession, useStores, useT } from '../../app/stores';
import { Loading } from '../../components/Loading';
import { NO_ERRORS, toFormErrors, type FormErrors } from '../../components/formErrors';
import { AuditSection } from './AuditSection';
import { BackupsSection } from './BackupsSection';
import { BooksSection } from '../books/BooksSection';
import { TEXT_LIMITS } from '#shared/contract/limits';
import { LimitedTextarea } from '../../components/LimitedTextarea';
import { WorkflowSection } from '../workflow/WorkflowSection';

function SettingsForm({ settings }: { settings: CompanySettings }) {
  const { t, locale } = useT();
  const stores = useStores();
  const current = useSession((s) => s.language);
  const [v, setV] = useState({
    name: settings.name,
    taxId: settings.taxId ?? '',
    address: settings.address ?? '',
    country: settings.country,
    defaultCurrency: settings.defaultCurrency,
    language: (settings.updatedAt ? languageOf(settings.locale) : current) as Language,
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const text = (k: 'name' | 'taxId' | 'address') => ({
    value: v[k],
    onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value }),
    error: errors.fields[k],
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!v.name.trim()) return setErrors({ form: t('validation.failed'), fields: { name: t('validation.required') } });
    setSaving(true);
    try {
      const saved = await call('settings.update', {
        name: v.name.trim(),
        taxId: v.taxId.trim() || null,
        address: v.address.trim() || null,
        country: v.country,
        defaultCurrency: v.defaultCurrency,
        locale: localeFor(v.language, v.country),
      });
      stores.session.getState().settingsSaved(saved);
      setErrors(NO_ERRORS);
      notifications.show({ color: 'green', message: t('ui.settings.saved') });
    } catch (err) {
      setErrors(toFormErrors(err, locale));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('ui.nav.settings')}>
      <Paper withBorder p="md" radius="md" maw={960}>
        <Stack gap="sm">
          <Title order={4}>{t('ui.settings.company')}</Title>
          {errors.form && (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('ui.settings.name')} required {...text('name')} />
            <TextInput label={t('ui.client.taxId')} {...text('taxId')} />
          </SimpleGrid>
          <LimitedTextarea label={t('ui.client.address')} autosize minRows={2} max={TEXT_LIMITS.address} {...text('address')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('ui.settings.country')}
              data={COUNTRIES.map((c) => ({ value: c, label: countryName(c, locale) }))}
              value={v.country}
              onChange={(c) => c && setV({ ...v, country: c })}
              allowDeselect={false}
              error={errors.fields.country}
            />
            <Select
              label={t('ui.settings.currency')}
              data={[...CURRENCIES]}
              value={v.defaultCurrency}
              onChange={(c) => c && setV({ ...v, defaultCurrency: c })}
              allowDeselect={false}
              error={errors.fields.defaultCurrency}
            />
            <Select
              label={t('ui.settings.language')}
              data={[
                { value: 'es', label: 'Español' },
                { value: 'en', label: 'English' },
              ]}
              value={v.language}
              onChange={(l) => l && setV({ ...v, language: l as Language })}
              allowDeselect={false}
              error={errors.fields.locale}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('ui.settings.localeHint', { locale: localeFor(v.language, v.country) })}
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              {t('ui.action.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useT();
  const settings = useSession((s) => s.settings);
  return (
    <Stack gap="md">
      <Title order={2}>{t('ui.nav.settings')}</Title>
      {settings ? <SettingsForm key={settings.updatedAt ?? 'new'} settings={settings} /> : <Loading />}
      <BooksSection />
      <WorkflowSection />
      <BackupsSection />
      <AuditSection />
    </Stack>
  );
}
