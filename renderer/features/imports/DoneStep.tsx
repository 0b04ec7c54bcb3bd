import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores';
import { useImportsT, type ImportsKey } from './i18n';
import { RejectsTable } from './RejectsTable';

const COUNTS = ['created', 'updated', 'unchanged', 'rejected'] as const;

/** Step 4: what the import did, counted the way the CLI prints it. */
export function DoneStep() {
  const { t } = useImportsT();
  const stores = useStores();
  const report = useStore(stores.imports, (s) => s.report);
  if (!report) return null;
  const target = report.kind === 'clients' ? 'clients' : 'invoices';
  return (
    <Stack gap="md">
      {report.applied ? (
        <Alert color="teal" variant="light" title={t('ui.imp.doneTitle')} role="status">
          {report.fileName}
        </Alert>
      ) : (
        <Alert color="orange" variant="light" title={t('ui.imp.doneNothing')} role="alert">
          {report.fileName}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" maw={720}>
        {COUNTS.map((k) => (
          <Paper key={k} withBorder p="sm" radius="md" data-testid={`count-${k}`}>
            <Text size="xs" c="dimmed">
              {t(`ui.imp.${k}` as ImportsKey)}
            </Text>
            <Text fz="xl" fw={700} className="num" c={k === 'rejected' && report.counts.rejected > 0 ? 'red.8' : undefined}>
              {report.counts[k]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {report.rejects.length > 0 && (
        <Paper withBorder p="sm" radius="md">
          <RejectsTable report={report} />
        </Paper>
      )}
      <Group>
        <Button onClick={() => stores.router.getState().go({ area: target })}>{t(target === 'clients' ? 'ui.imp.goClients' : 'ui.imp.goInvoices')}</Button>
        <Button variant="default" onClick={() => stores.imports.getState().reset()}>
          {t('ui.imp.startOver')}
        </Button>
      </Group>
    </Stack>
  );
}
