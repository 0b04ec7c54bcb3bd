/**
 * A client's collection risk from how much of what they owe is late and how late, so the clerk sees at
 * a glance whom to chase first. Unitless ratios, so currencies are judged each on its own and the
 * worst one counts; amounts are never added across currencies.
 */
export type RiskLevel = 'none' | 'low' | 'medium' | 'high';

export type RiskInput = { open: number; overdue: number; maxDaysOverdue: number };

/** Thresholds in days past due; documented so the badge can explain itself. */
export const RISK_RULES = { highDays: 90, mediumDays: 30, highShareDays: 60, lateShare: 0.5 } as const;

function levelOf(b: RiskInput): RiskLevel {
  if (b.open <= 0) return 'none';
  const share = b.overdue / b.open;
  if (b.maxDaysOverdue > RISK_RULES.highDays || (b.maxDaysOverdue > RISK_RULES.highShareDays && share >= RISK_RULES.lateShare)) return 'high';
  if (b.maxDaysOverdue > RISK_RULES.mediumDays || share >= RISK_RULES.lateShare) return 'medium';
  return 'low';
}

const ORDER: RiskLevel[] = ['none', 'low', 'medium', 'high'];

export function riskOf(balances: readonly RiskInput[]): RiskLevel {
  return balances.map(levelOf).reduce<RiskLevel>((worst, l) => (ORDER.indexOf(l) > ORDER.indexOf(worst) ? l : worst), 'none');
}
