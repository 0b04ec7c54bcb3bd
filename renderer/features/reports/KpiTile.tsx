import { Code, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { KpiExplain } from '#shared/domain/kpiReport';
import { useReportsT } from './i18n';

type Props = { label: string; value: string; variant: string; explain: KpiExplain; testId?: string };

/**
 * One figure with its variant always visible (which DSO is this?) and, on hover or keyboard focus, the
 * formula and the inputs the core used: a number nobody can check is a number nobody trusts.
 */
export function KpiTile({ label, value, variant, explain, testId }: Props) {
  const { t } = useReportsT();
  return (
    <Tooltip
      multiline
      w={380}
      withArrow
      openDelay={150}
      events={{ hover: true, focus: true, touch: true }}
      label={
        <Stack gap={4}>
          <Text size="xs" fw={700}>
            {t('ui.rep.formula')}
          </Text>
          <Text size="xs">{explain.words ?? explain.formula}</Text>
          <Text size="xs" fw={700} mt={4}>
            {t('ui.rep.withFigures')}
          </Text>
          <Text size="xs">{explain.explanation}</Text>
          {/* the textbook formula stays, small, for the accountant who checks it */}
          <Code fz={10} c="dimmed" bg="transparent" style={{ whiteSpace: 'pre-wrap' }}>
            {explain.formula}
          </Code>
        </Stack>
      }
    >
      <Paper
        withBorder
        radius="md"
        p="sm"
        tabIndex={0}
        data-testid={testId}
        aria-label={`${label}: ${value}`}
        aria-description={`${explain.words ?? explain.formula}. ${explain.explanation}`}
        style={{ cursor: 'help' }}
      >
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" lineClamp={2}>
          {label}
        </Text>
        <Text fz={22} fw={700} className="num" ta="right" mt={2}>
          {value}
        </Text>
        <Text size="xs" c="dimmed" ta="right" lineClamp={2} title={variant}>
          {variant}
        </Text>
      </Paper>
    </Tooltip>
  );
}
