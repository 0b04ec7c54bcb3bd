import { Alert, Badge, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useStore } from 'zustand';
import type { ImportPreview } from '#shared/contract/imports';
import { errorMessage } from '../../api/client';
import { useSession, useStores } from '../../app/stores';
import { Icon } from '../../components/Icon';
import type { ImportState } from './importStore';
import { AmountReadings, DecimalQuestion, isDecimalQuestion } from './DecimalQuestion';
import { useImportsT, type ImportsKey } from './i18n';
import { MappingTable } from './MappingTable';
import { SampleTable } from './SampleTable';

type Reading = ImportState['reading'];
const DELIMS: Record<',' | ';' | '\t', ImportsKey> = { ',': 'ui.imp.delim.comma', ';': 'ui.imp.delim.semicolon', '\t': 'ui.imp.delim.tab' };

/** How the file was read (encoding, delimiter, dates), each with a way to override the detection. */
function Detection({
  preview,
  reading,
  disabled,
  onChange,
}: {
  preview: ImportPreview;
  reading: Reading;
  disabled: boolean;
  onChange(c: Partial<Reading>): void;
}) {
  const { t } = useImportsT();
  const enc = (v: string) => t(`ui.imp.enc.${v}` as ImportsKey);
  const date = (v: string) => t(`ui.imp.date.${v}` as ImportsKey);
  const mark = (v: '.' | ',') => t(v === ',' ? 'ui.imp.decimal.comma' : 'ui.imp.decimal.point');
  const csv = preview.format === 'csv';
  return (
    <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="sm">
      <div>
        <Text size="xs" c="dimmed">
          {t('ui.imp.format')}
        </Text>
        <Text fw={600}>{preview.format.toUpperCase()}</Text>
        <Text size="xs" c="dimmed">
          {t('ui.imp.headerLine', { line: preview.headerLine })}
        </Text>
      </div>
      <NativeSelect
        label={t('ui.imp.encoding')}
        disabled={disabled || !csv}
        value={reading.encoding}
        onChange={(e) => onChange({ encoding: e.currentTarget.value as Reading['encoding'] })}
        data={[
          { value: 'auto', label: t('ui.imp.auto', { value: preview.encoding ? enc(preview.encoding) : '—' }) },
          { value: 'utf8', label: enc('utf8') },
          { value: 'win1252', label: enc('win1252') },
        ]}
      />
      <NativeSelect
        label={t('ui.imp.delimiter')}
        disabled={disabled || !csv}
        value={reading.delimiter}
        onChange={(e) => onChange({ delimiter: e.currentTarget.value as Reading['delimiter'] })}
        data={[
          { value: 'auto', label: t('ui.imp.auto', { value: preview.delimiter ? t(DELIMS[preview.delimiter]) : '—' }) },
          ...(Object.keys(DELIMS) as (keyof typeof DELIMS)[]).map((value) => ({ value, label: t(DELIMS[value]) })),
        ]}
      />
      <NativeSelect
        label={t('ui.imp.dateFormat')}
        disabled={disabled}
        value={reading.dateFormat}
        onChange={(e) => onChange({ dateFormat: e.currentTarget.value as Reading['dateFormat'] })}
        data={[
          { value: 'auto', label: t('ui.imp.auto', { value: date(preview.dateOrder) }) },
          ...['iso', 'dmy', 'mdy'].map((value) => ({ value, label: date(value) })),
        ]}
      />
      <NativeSelect
        label={t('ui.imp.decimal')}
        disabled={disabled}
        value={reading.decimal}
        onChange={(e) => onChange({ decimal: e.currentTarget.value as Reading['decimal'] })}
        data={[
          { value: 'auto', label: t('ui.imp.auto', { value: mark(Object.values(preview.decimals ?? {})[0]?.decimal ?? '.') }) },
          { value: '.', label: mark('.') },
          { value: ',', label: mark(',') },
        ]}
      />
    </SimpleGrid>
  );
}

/** Step 2: the reading, the header → field mapping (changing it re-reads the file) and the first rows. */
export function PreviewStep() {
  const { t, locale } = useImportsT();
  const store = useStores().imports;
  const { preview, reading, mapping, busy, error } = useStore(store);
  const currency = useSession((s) => s.settings?.defaultCurrency ?? 'PEN');
  if (!preview) return null;
  const { counts } = preview;
  const stale = busy === 'previewing';
  // the user's choice, even when the core refused it (e.g. a required field left out): the select must not snap back
  const shown: Record<string, number> = {};
  for (const [f, c] of Object.entries(mapping ?? preview.mapping)) if (c !== null) shown[f] = c;

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        <Title order={4} mb="xs">
          {t('ui.imp.detected')}
        </Title>
        <Detection preview={preview} reading={reading} disabled={stale} onChange={(c) => void store.getState().setReading(c)} />
        <AmountReadings readings={preview.decimals} />
      </Paper>
      {error ? (
        <Alert color="red" variant="light" role="alert" icon={<Icon name="alert" />}>
          {errorMessage(error, locale)}
          {isDecimalQuestion(error) ? <DecimalQuestion disabled={stale} onChoose={(d) => void store.getState().setReading({ decimal: d })} /> : null}
        </Alert>
      ) : null}
      <Paper withBorder p="sm" radius="md">
        <Title order={4}>{t('ui.imp.mapping')}</Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('ui.imp.mappingHint')}
        </Text>
        <MappingTable preview={preview} mapping={shown} disabled={stale} onChange={(f, c) => void store.getState().setColumn(f, c)} />
      </Paper>
      <Paper withBorder p="sm" radius="md" aria-busy={stale}>
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('ui.imp.sample')}</Title>
          <Group gap="xs">
            {stale && <Loader size="xs" aria-label={t('ui.imp.previewing')} />}
            <Text size="sm" className="num" data-testid="import-counts">
              {t('ui.imp.counts', { rows: counts.rows, accepted: counts.accepted, rejected: counts.rejected })}
            </Text>
            {counts.rejected > 0 && (
              <Badge color="red" variant="light">
                ✕ {counts.rejected}
              </Badge>
            )}
          </Group>
        </Group>
        <SampleTable preview={preview} currency={currency} />
      </Paper>
      <Group justify="space-between">
        <Button variant="default" onClick={() => store.getState().goTo('choose')}>
          {t('ui.imp.back')}
        </Button>
        <Button disabled={stale || Boolean(error)} onClick={() => store.getState().goTo('rejects')}>
          {t('ui.imp.next')}
        </Button>
      </Group>
    </Stack>
  );
}
