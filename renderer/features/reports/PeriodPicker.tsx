import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isIsoDate } from '#shared/domain/dates';
import { todayIso } from '../../app/locale';
import { PERIOD_KINDS, periodOf, type Period, type PeriodKind } from './periods';
import { useReportsT } from './i18n';

/** Quick periods, or two dates; a custom period is only sent once both dates are whole and in order. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange(p: Period): void }) {
  const { t } = useReportsT();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
  }, [period.from, period.to]);
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;

  const pick = (kind: PeriodKind) => (kind === 'custom' ? onChange({ ...period, kind }) : onChange(periodOf(kind, todayIso())));
  const typed = (f: string, tt: string) => {
    setFrom(f);
    setTo(tt);
    if (isIsoDate(f) && isIsoDate(tt) && f <= tt) onChange({ kind: 'custom', from: f, to: tt });
  };

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Stack gap={2}>
        <Text size="sm" fw={500} id="rep-period">
          {t('ui.rep.period')}
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="rep-period"
          value={period.kind}
          onChange={(v) => pick(v as PeriodKind)}
          data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`ui.rep.${k}`) }))}
        />
      </Stack>
      <TextInput type="date" label={t('ui.rep.from')} value={from} w={160} onChange={(e) => typed(e.currentTarget.value, to)} />
      <TextInput
        type="date"
        label={t('ui.rep.to')}
        value={to}
        w={160}
        onChange={(e) => typed(from, e.currentTarget.value)}
        error={!valid && from && to ? t('ui.rep.periodInvalid') : undefined}
      />
    </Group>
  );
}
