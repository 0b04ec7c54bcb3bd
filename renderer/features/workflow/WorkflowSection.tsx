import { Alert, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { CONTACT_RULES } from '#shared/domain/workflow/contactRules';
import { CONTACT_PRESETS, type ContactPreset, type Policy } from '#shared/domain/workflow/policy';
import { call } from '../../api/client';
import { defineCatalogue } from '../../components/catalogue';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useSubmit } from '../../components/useSubmit';

const useWorkflowT = defineCatalogue(
  {
    'ui.wf.title': 'Collection workflow',
    'ui.wf.stages': 'Stages (days from the oldest due date)',
    'ui.wf.graceDays': 'Grace days',
    'ui.wf.minGapDays': 'Minimum days between contacts',
    'ui.wf.promiseGrace': 'Promise grace days',
    'ui.wf.promiseTolerance': 'Promise tolerance (%)',
    'ui.wf.segmentA': 'Segment A up to risk score',
    'ui.wf.segmentB': 'Segment B up to risk score',
    'ui.wf.preset': 'Contact rules for consumers',
    'ui.wf.preset.none': 'None',
    'ui.wf.law': 'Source: {law}',
    'ui.wf.hours': 'Allowed: {hours}',
    'ui.wf.cliHint':
      'The whole policy (stages, actions, segment variants, minimum balances, late interest) can be reviewed and replaced as JSON with `cartera policy show` and `cartera policy set FILE.json`.',
    'ui.wf.saved': 'Workflow policy saved.',
    'ui.wf.save': 'Save workflow',
    'ui.wf.holidays': 'National public holidays: date-holidays, data under CC BY-SA 3.0 (© its contributors).',
  },
  {
    'ui.wf.title': 'Flujo de cobranza',
    'ui.wf.stages': 'Etapas (días desde el vencimiento más antiguo)',
    'ui.wf.graceDays': 'Días de gracia',
    'ui.wf.minGapDays': 'Días mínimos entre contactos',
    'ui.wf.promiseGrace': 'Días de gracia de una promesa',
    'ui.wf.promiseTolerance': 'Tolerancia de una promesa (%)',
    'ui.wf.segmentA': 'Segmento A hasta un riesgo de',
    'ui.wf.segmentB': 'Segmento B hasta un riesgo de',
    'ui.wf.preset': 'Reglas de contacto con consumidores',
    'ui.wf.preset.none': 'Ninguna',
    'ui.wf.law': 'Fuente: {law}',
    'ui.wf.hours': 'Permitido: {hours}',
    'ui.wf.cliHint':
      'La política completa (etapas, acciones, variantes por segmento, saldos mínimos, interés moratorio) se puede revisar y reemplazar como JSON con `cartera policy show` y `cartera policy set ARCHIVO.json`.',
    'ui.wf.saved': 'Política de cobranza guardada.',
    'ui.wf.save': 'Guardar flujo',
    'ui.wf.holidays': 'Feriados nacionales: date-holidays, datos bajo CC BY-SA 3.0 (© sus colaboradores).',
  },
);

const DAYS = { es: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] };

function hoursText(preset: ContactPreset, locale: string): string {
  const names = DAYS[locale.startsWith('en') ? 'en' : 'es'];
  return Object.entries(CONTACT_RULES[preset].hours)
    .map(([d, [from, to]]) => `${names[Number(d)]} ${from}–${to}`)
    .join(', ');
}

/** The policy's everyday knobs and the contact-rules preset, with the law it follows; the rest through the CLI as JSON. */
export function WorkflowSection() {
  const { t, locale } = useWorkflowT();
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const { errors, saving, run } = useSubmit(locale);
  useEffect(() => {
    call('policy.get', {}).then(setPolicy, setLoadError);
  }, []);
  if (loadError) return <ErrorState error={loadError} />;
  if (!policy) return <Loading />;
  const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);
  const preset = policy.contactRules.preset;
  const save = () =>
    run(async () => {
      setPolicy(await call('policy.set', { policy }));
      notifications.show({ color: 'green', message: t('ui.wf.saved') });
    });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={4}>{t('ui.wf.title')}</Title>
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <Text size="sm">
          {t('ui.wf.stages')}: {policy.stages.map((s) => `${s.name} (${s.day > 0 ? '+' : ''}${s.day})`).join(' · ')}
        </Text>
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput label={t('ui.wf.graceDays')} min={0} value={policy.graceDays} onChange={(v) => setPolicy({ ...policy, graceDays: num(v) })} />
          <NumberInput label={t('ui.wf.minGapDays')} min={0} value={policy.minGapDays} onChange={(v) => setPolicy({ ...policy, minGapDays: num(v) })} />
          <NumberInput
            label={t('ui.wf.promiseGrace')}
            min={0}
            value={policy.promises.graceDays}
            onChange={(v) => setPolicy({ ...policy, promises: { ...policy.promises, graceDays: num(v) } })}
          />
          <NumberInput
            label={t('ui.wf.promiseTolerance')}
            min={0}
            max={100}
            decimalScale={2}
            value={policy.promises.tolerancePct}
            onChange={(v) => setPolicy({ ...policy, promises: { ...policy.promises, tolerancePct: num(v) } })}
          />
          <NumberInput
            label={t('ui.wf.segmentA')}
            min={0}
            max={100}
            value={policy.segmentThresholds.a}
            onChange={(v) => setPolicy({ ...policy, segmentThresholds: { ...policy.segmentThresholds, a: num(v) } })}
          />
          <NumberInput
            label={t('ui.wf.segmentB')}
            min={0}
            max={100}
            value={policy.segmentThresholds.b}
            onChange={(v) => setPolicy({ ...policy, segmentThresholds: { ...policy.segmentThresholds, b: num(v) } })}
          />
        </SimpleGrid>
        <NativeSelect
          label={t('ui.wf.preset')}
          maw={320}
          value={preset}
          onChange={(e) => setPolicy({ ...policy, contactRules: { preset: e.currentTarget.value as ContactPreset } })}
          data={CONTACT_PRESETS.map((p) => ({ value: p, label: p === 'none' ? t('ui.wf.preset.none') : p }))}
        />
        {preset !== 'none' && (
          <Text size="sm" c="dimmed">
            {t('ui.wf.law', { law: CONTACT_RULES[preset].law })} · {t('ui.wf.hours', { hours: hoursText(preset, locale) })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('ui.wf.cliHint')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ui.wf.holidays')} (github.com/commenthol/date-holidays)
        </Text>
        <Group justify="flex-end">
          <Button loading={saving} onClick={() => void save()}>
            {t('ui.wf.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
