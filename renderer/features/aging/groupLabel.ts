import type { AgingSummaryRow, AgingBy } from '#shared/domain/agingViews';
import type { DrillFilter } from './agingStore';

type T = (key: 'ui.agingv.noSegment') => string;

/** The row's name as people say it: client name, segment (or "no segment"), or the currency. */
export function groupLabel(row: AgingSummaryRow, by: AgingBy, t: T): string {
  if (by === 'segment') return row.segment ?? t('ui.agingv.noSegment');
  return row.label;
}

/** The drill-down filter of a summary row, optionally narrowed to one bucket. */
export function rowFilter(row: AgingSummaryRow, by: AgingBy, t: T, bucket?: number): DrillFilter {
  const base: DrillFilter = { currency: row.currency, ...(bucket === undefined ? {} : { bucket }) };
  if (by === 'client') return { ...base, clientCode: row.key, label: `${row.key} · ${row.label}` };
  if (by === 'segment') return { ...base, segment: row.segment, label: groupLabel(row, by, t) };
  return base;
}
