import type { Core } from '../app';
import type { AgingSummary } from '#shared/domain/agingViews';
import type { KpiFigures, KpiReport } from '#shared/domain/kpiReport';
import { isValidBounds } from '#shared/domain/aging';
import { isIsoDate } from '#shared/domain/dates';
import { centsToDecimalString } from '#shared/domain/money';
import { csvCell } from './output';

export type CliValues = Record<string, string | boolean | undefined>;

/** A usage mistake: main() prints it with a hint and exits 2 (it treats ERR_PARSE_ARGS* codes so). */
export function usage(message: string): Error {
  return Object.assign(new Error(`${message} (see cartera --help)`), { code: 'ERR_PARSE_ARGS_CARTERA' });
}

export function dateFlag(v: string | boolean | undefined, flag: string, dflt?: string): string {
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'string' || !isIsoDate(v)) throw usage(`${flag} must be a date YYYY-MM-DD`);
  return v;
}

export function agingFlags(values: CliValues, today: string) {
  const asOf = dateFlag(values['as-of'], '--as-of', today);
  const basis = values.basis ?? 'due';
  if (basis !== 'due' && basis !== 'issue') throw usage('--basis must be due or issue');
  const bounds = typeof values.buckets === 'string' ? values.buckets.split(',').map((s) => Number(s.trim())) : undefined;
  if (bounds && !isValidBounds(bounds)) throw usage('--buckets must be increasing whole numbers of days, e.g. 0,30,60,90,120');
  const by = values.by ?? 'client';
  if (by !== 'client' && by !== 'segment' && by !== 'currency') throw usage('--by must be client, segment or currency');
  return { asOf, basis, by, ...(bounds ? { bounds } : {}) } as const;
}

/** `cartera aging --by segment|currency`: the summary as JSON, CSV or an aligned table. */
export async function runAgingBy(core: Core, values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  const f = agingFlags(values, core.ctx.clock.today());
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'csv' && format !== 'json') throw usage('--format must be table, csv or json');
  const s = await core.call('aging.summary', f);
  out.write(format === 'json' ? JSON.stringify(s, null, 2) + '\n' : format === 'csv' ? summaryCsv(s) : summaryTable(s));
  return 0;
}

/** by segment: segment, currency, buckets…; by currency the rows are the totals, so they are printed once. */
function summaryLines(s: AgingSummary): { head: string[]; rows: string[][]; totals: string[][] } {
  const money = (v: number, c: string) => centsToDecimalString(v, c);
  const line = (lead: string[], x: { currency: string; buckets: number[]; total: number }) => [
    ...lead,
    x.currency,
    ...x.buckets.map((b) => money(b, x.currency)),
    money(x.total, x.currency),
  ];
  if (s.by !== 'segment') return { head: ['currency', ...s.buckets, 'total'], rows: [], totals: s.totals.map((t) => line([], t)) };
  return {
    head: ['segment', 'currency', ...s.buckets, 'total'],
    rows: s.rows.map((r) => line([r.segment ?? ''], r)),
    totals: s.totals.map((t) => line(['TOTAL'], t)),
  };
}

function summaryCsv(s: AgingSummary): string {
  const { head, rows, totals } = summaryLines(s);
  const text = head.length - s.buckets.length - 1;
  return [head, ...rows, ...totals].map((r) => r.map((c, i) => (i < text ? csvCell(c) : c)).join(',')).join('\n') + '\n';
}

function summaryTable(s: AgingSummary): string {
  const { head, rows, totals } = summaryLines(s);
  return alignedTable(`Aging by ${s.by} as of ${s.asOf} (${s.basis} date)`, head, rows, totals, head.length - s.buckets.length - 1);
}

function alignedTable(title: string, head: string[], rows: string[][], totals: string[][], leftCols: number): string {
  const all = [head, ...rows, ...totals];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (i < leftCols ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [title, fmt(head), rule, ...rows.map(fmt), ...(totals.length ? [rule, ...totals.map(fmt)] : [])].join('\n') + '\n';
}

const JSON_FIELDS = [
  'currency',
  'dsoSimple',
  'dsoCountback',
  'dsoCountback30',
  'bestPossibleDso',
  'add',
  'cei',
  'currentPct',
  'over90Pct',
  'collected',
  'promiseKeptRate',
  'promiseKeptRateAmount',
  'arBegin',
  'arEnd',
  'arEndCurrent',
  'arEndOver90',
  'creditSales',
  'invoiced',
  'credited',
  'applied',
  'months',
  'days',
  'countbackExhausted',
  'promisesDue',
  'promisesKept',
  'promisedAmount',
  'promisedReceived',
] as const satisfies readonly (keyof KpiFigures)[];

/** The CLI's KPI JSON: the report without the hover texts (money in minor units, figures to one decimal). */
export function kpisJson(r: KpiReport): Record<string, unknown> {
  return {
    from: r.from,
    to: r.to,
    basis: r.basis,
    graceDays: r.graceDays,
    arBeginDate: r.arBeginDate,
    variants: r.variants,
    currencies: r.currencies.map((c) => Object.fromEntries(JSON_FIELDS.map((k) => [k, c[k]]))),
  };
}

/** `cartera kpis --from D --to D [--format json|table] [--basis due|issue]` */
export async function runKpis(core: Core, values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  const from = dateFlag(values.from, '--from');
  const to = dateFlag(values.to, '--to');
  if (from > to) throw usage('--from must be on or before --to');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw usage('--format must be json or table');
  const basis = values.basis ?? 'due';
  if (basis !== 'due' && basis !== 'issue') throw usage('--basis must be due or issue');
  const r = await core.call('kpis.report', { from, to, basis });
  if (format === 'json') {
    out.write(JSON.stringify(kpisJson(r), null, 2) + '\n');
    return 0;
  }
  const curs = r.currencies;
  const num = (v: number | null, unit = '') => (v === null ? 'n/a' : `${v}${unit}`);
  const money = (k: 'collected' | 'arBegin' | 'arEnd' | 'arEndCurrent' | 'creditSales') => curs.map((c) => centsToDecimalString(c[k], c.currency));
  const rows: string[][] = [
    ['DSO, simple (days)', ...curs.map((c) => num(c.dsoSimple))],
    ['DSO, countback, real months (days)', ...curs.map((c) => num(c.dsoCountback) + (c.countbackExhausted ? '+' : ''))],
    ['DSO, countback, 30-day months (days)', ...curs.map((c) => num(c.dsoCountback30))],
    ['Best possible DSO, simple (days)', ...curs.map((c) => num(c.bestPossibleDso))],
    ['Average days delinquent (days)', ...curs.map((c) => num(c.add))],
    ['CEI, CS/N (%)', ...curs.map((c) => num(c.cei))],
    ['Current (%)', ...curs.map((c) => num(c.currentPct))],
    ['Over 90 days (%)', ...curs.map((c) => num(c.over90Pct))],
    ['Promise-kept rate, count (%)', ...curs.map((c) => num(c.promiseKeptRate) + ` (${c.promisesKept}/${c.promisesDue})`)],
    ['Collected', ...money('collected')],
    ['AR begin', ...money('arBegin')],
    ['AR end', ...money('arEnd')],
    ['AR end, current', ...money('arEndCurrent')],
    ['Credit sales', ...money('creditSales')],
  ];
  out.write(
    alignedTable(
      `KPIs ${r.from} to ${r.to} (${curs[0]?.days ?? 0} days, ${curs[0]?.months ?? 0} months; ${r.basis} date basis)`,
      ['', ...curs.map((c) => c.currency)],
      rows,
      [],
      1,
    ),
  );
  return 0;
}
