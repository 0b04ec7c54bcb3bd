import { Table, Text } from '@mantine/core';
import type { ImportPreview, ImportSampleRow } from '#shared/contract/imports';
import { formatDate, isIsoDate } from '#shared/domain/dates';
import { fieldsOf, type FieldDef } from '#shared/domain/importFields';
import { formatMoney } from '#shared/domain/money';
import { useImportsT, type ImportsKey } from './i18n';

const camel = (field: string) => field.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * A good row comes back parsed (camelCase keys, amounts in minor units, ISO dates); a rejected one as
 * read from the file (field keys, raw text). Showing the parsed values is the point: the user sees that
 * "1.234,56" became 1,234.56 and "03/04/2026" the 3rd of April before anything is saved.
 */
function display(f: FieldDef, row: ImportSampleRow, currency: string, locale: string): string {
  const value = row.reject ? row.values[f.field] : (row.values[camel(f.field)] ?? row.values[f.field]);
  if (value === null || value === undefined || value === '') return '';
  if (!row.reject && f.type === 'money' && typeof value === 'number') return formatMoney(value, String(row.values.currency ?? currency), locale);
  if (!row.reject && f.type === 'date' && typeof value === 'string' && isIsoDate(value)) return formatDate(value, locale);
  return String(value);
}

export function SampleTable({ preview, currency }: { preview: ImportPreview; currency: string }) {
  const { t, locale } = useImportsT();
  const fields = fieldsOf(preview.kind).filter((f) => f.field in preview.mapping);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing={4} fz="sm" aria-label={t('ui.imp.sample')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t('ui.imp.line')}</Table.Th>
            {fields.map((f) => (
              <Table.Th key={f.field} ta={f.type === 'money' ? 'right' : undefined}>
                {t(`ui.imp.field.${f.field}` as ImportsKey)}
              </Table.Th>
            ))}
            <Table.Th>{t('ui.imp.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sample.map((row) => (
            <Table.Tr key={row.line} data-testid="sample-row" className={row.reject ? 'row-rejected' : undefined}>
              <Table.Td ta="right" className="num">
                {row.line}
              </Table.Td>
              {fields.map((f) => (
                <Table.Td
                  key={f.field}
                  ta={f.type === 'money' ? 'right' : undefined}
                  className={f.type === 'money' || f.type === 'date' ? 'num nowrap' : undefined}
                >
                  {display(f, row, currency, locale)}
                </Table.Td>
              ))}
              <Table.Td>
                {row.reject ? (
                  <Text size="sm" c="red.8" fw={500}>
                    ✕ {row.reject}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    ✓
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
