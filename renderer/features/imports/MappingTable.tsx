import { NativeSelect, Table, Text } from '@mantine/core';
import type { ImportPreview } from '#shared/contract/imports';
import { fieldsOf } from '#shared/domain/importFields';
import { useImportsT, type ImportsKey } from './i18n';

/** Spreadsheet-style column letter, so "B · Razón social" matches what the user sees in Excel. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One select per Cartera field: which column of the file fills it (or none). */
export function MappingTable({
  preview,
  mapping,
  disabled,
  onChange,
}: {
  preview: ImportPreview;
  mapping: Record<string, number>;
  disabled: boolean;
  onChange(field: string, column: number | null): void;
}) {
  const { t } = useImportsT();
  const options = [
    { value: '', label: t('ui.imp.notInFile') },
    ...preview.headers.map((h, i) => ({ value: String(i), label: `${columnLetter(i)} · ${h || '…'}` })),
  ];
  return (
    <Table verticalSpacing={4} fz="sm" aria-label={t('ui.imp.mapping')} maw={620}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="40%">{t('ui.imp.field')}</Table.Th>
          <Table.Th>{t('ui.imp.column')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fieldsOf(preview.kind).map((f) => {
          const label = t(`ui.imp.field.${f.field}` as ImportsKey);
          const col = mapping[f.field];
          return (
            <Table.Tr key={f.field}>
              <Table.Td>
                <Text size="sm" fw={col !== undefined ? 500 : undefined} c={col === undefined ? 'dimmed' : undefined}>
                  {label}
                  {(f.required || f.oneOf) && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {f.oneOf ? t('ui.imp.clientGroup') : t('ui.imp.required')}
                    </Text>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  aria-label={label}
                  data={options}
                  value={col === undefined ? '' : String(col)}
                  disabled={disabled}
                  onChange={(e) => onChange(f.field, e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
