import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isIsoDate } from '#shared/domain/dates';
import type { AgingBasis, AgingBy } from '#shared/domain/agingViews';
import { DEFAULT_BOUNDS, isValidBounds } from '#shared/domain/aging';
import { todayIso } from '../../app/locale';
import { lastMonthEnd } from '../reports/periods';
import type { AgingQuery } from './agingStore';
import { useAgingT } from './i18n';

type Props = { query: AgingQuery; onChange(q: Partial<AgingQuery>): void; showBy: boolean };

/** As-of date with the two dates people actually ask for, the ageing basis and the grouping. */
export function AgingControls({ query, onChange, showBy }: Props) {
  const { t } = useAgingT();
  // the field holds what is typed; only whole dates reach the core
  const [text, setText] = useState(query.asOf);
  useEffect(() => setText(query.asOf), [query.asOf]);
  const today = todayIso();
  const lme = lastMonthEnd(today);

  const [boundsText, setBoundsText] = useState((query.bounds ?? DEFAULT_BOUNDS).join(','));
  useEffect(() => setBoundsText((query.bounds ?? DEFAULT_BOUNDS).join(',')), [query.bounds]);
  const parsedBounds = boundsText.split(',').map((x) => (/^\s*\d+\s*$/.test(x) ? Number(x) : NaN));
  const boundsOk = isValidBounds(parsedBounds);
  const applyBounds = () => {
    if (!boundsOk || parsedBounds.join(',') === (query.bounds ?? DEFAULT_BOUNDS).join(',')) return;
    onChange({ bounds: parsedBounds.join(',') === DEFAULT_BOUNDS.join(',') ? undefined : parsedBounds });
  };

  const typed = (v: string) => {
    setText(v);
    if (isIsoDate(v) && v !== query.asOf) onChange({ asOf: v });
  };

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <TextInput
        type="date"
        label={t('ui.aging.asOf')}
        value={text}
        onChange={(e) => typed(e.currentTarget.value)}
        error={text && !isIsoDate(text) ? t('ui.agingv.dateInvalid') : undefined}
        w={170}
      />
      <Group gap={6} pb={2}>
        <Button size="xs" variant={query.asOf === today ? 'light' : 'default'} onClick={() => onChange({ asOf: today })}>
          {t('ui.agingv.today')}
        </Button>
        <Button size="xs" variant={query.asOf === lme ? 'light' : 'default'} onClick={() => onChange({ asOf: lme })}>
          {t('ui.agingv.lastMonthEnd')}
        </Button>
      </Group>
      <Stack gap={2}>
        <Text size="sm" fw={500} id="aging-basis">
          {t('ui.agingv.basis')}
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="aging-basis"
          value={query.basis}
          onChange={(v) => onChange({ basis: v as AgingBasis })}
          data={[
            { value: 'due', label: t('ui.agingv.basisDue') },
            { value: 'issue', label: t('ui.agingv.basisIssue') },
          ]}
        />
      </Stack>
      <TextInput
        label={t('ui.agingv.bounds')}
        description={t('ui.agingv.boundsHint')}
        value={boundsText}
        onChange={(e) => setBoundsText(e.currentTarget.value)}
        onBlur={applyBounds}
        onKeyDown={(e) => e.key === 'Enter' && applyBounds()}
        error={boundsOk ? undefined : t('ui.agingv.boundsInvalid')}
        w={280}
        className="num"
      />
      {showBy && (
        <Stack gap={2}>
          <Text size="sm" fw={500} id="aging-by">
            {t('ui.agingv.by')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="aging-by"
            value={query.by}
            onChange={(v) => onChange({ by: v as AgingBy })}
            data={[
              { value: 'client', label: t('ui.agingv.byClient') },
              { value: 'segment', label: t('ui.agingv.bySegment') },
              { value: 'currency', label: t('ui.agingv.byCurrency') },
            ]}
          />
        </Stack>
      )}
    </Group>
  );
}
