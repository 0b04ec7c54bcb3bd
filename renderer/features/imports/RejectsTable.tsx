import { Button, Group, Table, Text } from '@mantine/core';
import type { ImportReport } from '#shared/contract/imports';
import { rejectsToCsv } from '#shared/domain/importReport';
import { downloadText, rejectsFileName } from './fileData';
import { useImportsT } from './i18n';

const SHOWN = 500;

/** Every rejected row with its line and reason; the full list can be saved as CSV to fix the file. */
export function RejectsTable({ report }: { report: ImportReport }) {
  const { t, locale } = useImportsT();
  const save = () =>
    downloadText(rejectsToCsv(report, { bom: true, locale }), rejectsFileName(report.fileName, locale.startsWith('es') ? 'rechazos' : 'rejected'));
  return (
    <div>
      <Group justify="space-between" mb="xs">
        <Text fw={600} c="red.8">
          ✕ {t('ui.imp.rejectsTitle', { count: report.rejects.length })}
        </Text>
        <Button size="xs" variant="default" onClick={save}>
          {t('ui.imp.saveCsv')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={520} mah={320}>
        <Table striped stickyHeader verticalSpacing={4} fz="sm" aria-label={t('ui.imp.rejectsTitle', { count: report.rejects.length })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right" w={70}>
                {t('ui.imp.line')}
              </Table.Th>
              <Table.Th>{t('ui.imp.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rejects.slice(0, SHOWN).map((r) => (
              <Table.Tr key={`${r.line}-${r.reason}`} data-testid="reject-row">
                <Table.Td ta="right" className="num">
                  {r.line}
                </Table.Td>
                <Table.Td>{r.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {report.rejects.length > SHOWN && (
        <Text size="xs" c="dimmed" mt={4}>
          … +{report.rejects.length - SHOWN} · {t('ui.imp.saveCsv')}
        </Text>
      )}
    </div>
  );
}
