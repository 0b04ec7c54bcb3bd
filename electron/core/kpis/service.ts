import { sql, type RawBuilder } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import { addDays, diffDays } from '#shared/domain/dates';
import { kpiFigures, type KpiInputs, type KpiReport } from '#shared/domain/kpiReport';
import { monthsInPeriod, type CountbackMonth } from '#shared/domain/kpis';
import type { Ctx } from '../context';
import { agingSummary } from '../aging/views';
import { promiseOutcomes } from './promises';
import { monthWindows, salesByWindow } from './sales';

/** current, 1–30, 31–60, 61–90, 90+: bucket 0 is "current", bucket 4 is "over 90". */
const KPI_BOUNDS = [0, 30, 60, 90];
/** how far the countback DSO may walk back */
const COUNTBACK_MONTHS = 24;

type SumRow = { currency: string; s: number };

/**
 * KPIs of a period per currency (definitions in shared/domain/kpis.ts and kpiReport.ts):
 * AR at a date = aging total as of that date (AR_begin: as of the day before `from`); credit sales =
 * invoices issued in the period − credit notes dated in it; collected = payments received in it.
 * About a dozen grouped queries whatever the book's size; nothing is read row by row.
 */
export async function kpisReport(ctx: Ctx, input: ParsedInputOf<'kpis.report'>): Promise<KpiReport> {
  const { from, to, basis, graceDays } = input;
  const arBeginDate = addDays(from, -1);
  const db = ctx.db.withoutPlugins();
  const [begin, end] = await Promise.all([
    agingSummary(ctx, { asOf: arBeginDate, basis, by: 'currency', bounds: KPI_BOUNDS }),
    agingSummary(ctx, { asOf: to, basis, by: 'currency', bounds: KPI_BOUNDS }),
  ]);
  const sum = async (q: RawBuilder<SumRow>) => new Map((await q.execute(db)).rows.map((r) => [r.currency, Number(r.s)]));
  const invoiced = await sum(sql<SumRow>`SELECT currency, sum(amount) AS s FROM invoices WHERE voided_at IS NULL AND issue_date >= ${from} AND issue_date <= ${to} GROUP BY currency`);
  const credited = await sum(sql<SumRow>`SELECT currency, sum(amount) AS s FROM credit_notes WHERE voided_at IS NULL AND date >= ${from} AND date <= ${to} GROUP BY currency`);
  const collected = await sum(sql<SumRow>`SELECT currency, sum(amount) AS s FROM payments WHERE voided_at IS NULL AND date >= ${from} AND date <= ${to} GROUP BY currency`);
  const applied = await sum(sql<SumRow>`
    SELECT i.currency, sum(a.amount) AS s FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id
    WHERE a.voided_at IS NULL AND a.date >= ${from} AND a.date <= ${to} GROUP BY i.currency`);
  const windows = monthWindows(to, COUNTBACK_MONTHS);
  const countback = await salesByWindow(ctx, windows);
  const promises = await promiseOutcomes(ctx, from, to, graceDays);

  const currencies = new Set<string>([...begin.totals, ...end.totals].map((t) => t.currency));
  for (const m of [invoiced, credited, collected, applied, countback, promises]) for (const c of m.keys()) currencies.add(c);
  const months = monthsInPeriod(from, to);
  const days = diffDays(from, to) + 1;
  const figures = [...currencies].sort().map((currency) => {
    const e = end.totals.find((t) => t.currency === currency);
    const inv = invoiced.get(currency) ?? 0;
    const cn = credited.get(currency) ?? 0;
    const sales: CountbackMonth[] = windows.map((w, k) => ({ sales: countback.get(currency)?.[k] ?? 0, days: w.days }));
    const inputs: KpiInputs = {
      arBegin: begin.totals.find((t) => t.currency === currency)?.total ?? 0,
      arEnd: e?.total ?? 0,
      arEndCurrent: e?.buckets[0] ?? 0,
      arEndOver90: e?.buckets[4] ?? 0,
      creditSales: inv - cn,
      invoiced: inv,
      credited: cn,
      collected: collected.get(currency) ?? 0,
      applied: applied.get(currency) ?? 0,
      months,
      days,
      countback: sales,
      promises: promises.get(currency) ?? [],
    };
    return kpiFigures(currency, inputs, { locale: ctx.locale, from, to, graceDays });
  });
  return {
    from,
    to,
    basis,
    graceDays,
    arBeginDate,
    variants: { dso: 'simple', dsoCountback: 'real-month-lengths', bestPossibleDso: 'simple', cei: 'CS/N', promiseKeptRate: 'count' },
    currencies: figures,
  };
}
