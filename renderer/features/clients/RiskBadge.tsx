import { Badge, Tooltip } from '@mantine/core';
import type { RiskLevel } from '#shared/domain/risk';
import { RISK_RULES } from '#shared/domain/risk';
import { useClientsT } from './i18n';

const COLOR: Record<RiskLevel, string> = { none: 'gray', low: 'teal', medium: 'yellow', high: 'red' };

/** The risk in words (never colour alone), with the rule behind it on hover. */
export function RiskBadge({ risk }: { risk: RiskLevel }) {
  const { t } = useClientsT();
  if (risk === 'none') return null;
  return (
    <Tooltip
      label={t('ui.cl.risk.rule', {
        medium: RISK_RULES.mediumDays,
        high: RISK_RULES.highDays,
        share: RISK_RULES.lateShare * 100,
        shareDays: RISK_RULES.highShareDays,
      })}
      multiline
      w={320}
    >
      <Badge color={COLOR[risk]} variant="light" data-testid="risk-badge">
        {t(`ui.cl.risk.${risk}`)}
      </Badge>
    </Tooltip>
  );
}
