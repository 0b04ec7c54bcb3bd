import type { AgingReport } from '#shared/domain/aging';
import { csvNumber, csvText } from '#shared/domain/csv';
import { centsToDecimalString } from '#shared/domain/money';

export type AgingFormat = 'table' | 'csv' | 'json';

/** CSV cell (comma-separated) through the one writer: quoted when needed, formulas neutralised. */
export function csvCell(v: string | number): string {
  return typeof v === 'number' ? csvNumber(String(v)) : csvText(v);
}

export function agingToCsv(report: AgingReport): string {
  const lines = [['code', 'name', 'currency', ...report.buckets, 'total'].map(csvCell).join(',')];
  for (const c of report.clients)
    lines.push(
      [c.code, c.name, c.currency, ...c.buckets.map((b) => centsToDecimalString(b, c.currency)), centsToDecimalString(c.total, c.currency)]
        .map(csvCell)
        .join(','),
    );
  for (const t of report.totals)
    lines.push(
      ['TOTAL', '', t.currency, ...t.buckets.map((b) => centsToDecimalString(b, t.currency)), centsToDecimalString(t.total, t.currency)].map(csvCell).join(','),
    );
  return lines.join('\n') + '\n';
}

export function agingToTable(report: AgingReport): string {
  const head = ['Code', 'Name', 'Cur', ...report.buckets, 'Total'];
  const rows: string[][] = report.clients.map((c) => [
    c.code,
    c.name.slice(0, 32),
    c.currency,
    ...c.buckets.map((b) => centsToDecimalString(b, c.currency)),
    centsToDecimalString(c.total, c.currency),
  ]);
  const totals: string[][] = report.totals.map((t) => [
    'TOTAL',
    '',
    t.currency,
    ...t.buckets.map((b) => centsToDecimalString(b, t.currency)),
    centsToDecimalString(t.total, t.currency),
  ]);
  const all = [head, ...rows, ...totals];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [`Aging as of ${report.asOf}`, fmt(head), rule, ...rows.map(fmt), rule, ...totals.map(fmt)].join('\n') + '\n';
}
