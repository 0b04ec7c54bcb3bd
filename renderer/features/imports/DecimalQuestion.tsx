import { Button, Group, Text } from '@mantine/core';
import type { AmountReading } from '#shared/contract/imports';
import { ApiClientError } from '../../api/client';
import { useImportsT } from './i18n';

/** The core stopped because it could not tell (or was told both ways) how the file writes decimals. */
export function isDecimalQuestion(error: unknown): boolean {
  return error instanceof ApiClientError && (error.error.key === 'import.error.decimal_unknown' || error.error.key === 'import.error.decimal_contradictory');
}

/** Asks instead of guessing: the user says which mark the amounts use, and the file is read again. */
export function DecimalQuestion({ disabled, onChoose }: { disabled: boolean; onChoose(decimal: '.' | ','): void }) {
  const { t } = useImportsT();
  return (
    <Group gap="xs" mt="xs">
      <Text size="sm" fw={500}>
        {t('ui.imp.decimal.ask')}
      </Text>
      <Button size="xs" variant="default" disabled={disabled} onClick={() => onChoose('.')}>
        {t('ui.imp.decimal.point.example')}
      </Button>
      <Button size="xs" variant="default" disabled={disabled} onClick={() => onChoose(',')}>
        {t('ui.imp.decimal.comma.example')}
      </Button>
    </Group>
  );
}

/** "amounts read with decimal comma: 1.234,56 → 1234.56", one line per money column of the file. */
export function AmountReadings({ readings }: { readings: Record<string, AmountReading> | undefined }) {
  const { t } = useImportsT();
  const lines = Object.entries(readings ?? {}).filter(([, r]) => r.basis !== 'unneeded');
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map(([field, r]) => (
        <Text key={field} size="sm" data-testid="amount-reading">
          {t(r.decimal === ',' ? 'ui.imp.decimal.readComma' : 'ui.imp.decimal.readPoint')}
          {r.example && r.readAs ? `: ${r.example} → ${r.readAs}` : ''}{' '}
          <Text span size="xs" c="dimmed">
            ({t(`ui.imp.decimal.basis.${r.basis}` as 'ui.imp.decimal.basis.values')})
          </Text>
        </Text>
      ))}
    </>
  );
}
