import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import { IMPORT_KINDS, type ImportKind } from '#shared/domain/importFields';
import { errorMessage } from '../../api/client';
import { useStores } from '../../app/stores';
import { Icon } from '../../components/Icon';
import { fileSize, readFileAsBase64 } from './fileData';
import { DecimalQuestion, isDecimalQuestion } from './DecimalQuestion';
import { useImportsT } from './i18n';

/** Step 1: what the file holds, and the file itself (click or drop). */
export function ChooseStep() {
  const { t, locale } = useImportsT();
  const store = useStores().imports;
  const { kind, file, busy, error } = useStore(store);
  const inputRef = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);

  async function take(f: File | undefined) {
    if (!f) return;
    setReading(true);
    setReadError(null);
    try {
      store.getState().setFile({ name: f.name, size: f.size, base64: await readFileAsBase64(f) });
    } catch (e) {
      setReadError(t('ui.imp.fileError', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setReading(false);
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void take(e.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md" maw={720}>
      <div>
        <Text size="sm" fw={500} mb={4} id="imp-kind">
          {t('ui.imp.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="imp-kind"
          value={kind}
          onChange={(v) => store.getState().setKind(v as ImportKind)}
          data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`ui.imp.kind.${k}`) }))}
        />
      </div>
      <Paper
        withBorder
        p="lg"
        radius="md"
        className="drop-zone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        onClick={() => inputRef.current?.click()}
      >
        <Group gap="md" wrap="nowrap">
          <Text c="teal.7" lh={1}>
            <Icon name="invoices" size={36} stroke={1.25} />
          </Text>
          <Stack gap={4}>
            <label htmlFor="imp-file">
              <Text fw={600}>{t('ui.imp.file')}</Text>
            </label>
            <input
              id="imp-file"
              ref={inputRef}
              type="file"
              accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onClick={(e) => e.stopPropagation()}
              onChange={(e) => void take(e.currentTarget.files?.[0])}
            />
            <Text size="sm" c="dimmed">
              {reading ? t('ui.imp.reading') : t('ui.imp.fileHint')}
            </Text>
            {file && (
              <Text size="sm" fw={500} data-testid="chosen-file">
                {t('ui.imp.fileChosen', { name: file.name, size: fileSize(file.size, locale) })}
              </Text>
            )}
          </Stack>
        </Group>
      </Paper>
      {readError || error ? (
        <Alert color="red" variant="light" role="alert" icon={<Icon name="alert" />}>
          {readError ?? errorMessage(error, locale)}
          {!readError && isDecimalQuestion(error) ? (
            <DecimalQuestion disabled={busy === 'previewing'} onChoose={(d) => void store.getState().chooseDecimal(d)} />
          ) : null}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button disabled={!file || reading} loading={busy === 'previewing'} onClick={() => void store.getState().check()}>
          {t('ui.imp.next')}
        </Button>
      </Group>
    </Stack>
  );
}
