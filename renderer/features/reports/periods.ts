import { addDays, daysInMonth } from '#shared/domain/dates';

export const PERIOD_KINDS = ['thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type Period = { kind: PeriodKind; from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;

/**
 * The dates of a quick choice as of `today`. Running periods (this month, this quarter) end today, not
 * at the month-end: KPIs of days that have not happened yet would only dilute the figures.
 */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const q = Math.floor((m - 1) / 3) * 3 + 1;
  switch (kind) {
    case 'thisMonth':
      return { kind, from: `${y}-${pad(m)}-01`, to: today };
    case 'lastMonth': {
      const end = addDays(`${y}-${pad(m)}-01`, -1);
      return { kind, from: `${end.slice(0, 7)}-01`, to: end };
    }
    case 'thisQuarter':
      return { kind, from: `${y}-${pad(q)}-01`, to: today };
    case 'lastQuarter': {
      const [qy, qm] = q === 1 ? [y - 1, 10] : [y, q - 3];
      return { kind, from: `${qy}-${pad(qm)}-01`, to: monthEnd(qy, qm + 2) };
    }
  }
}

/** The last day of the month before `today`'s month (the aging screen's "last month-end"). */
export function lastMonthEnd(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1);
}
