import type { ParsedInputOf } from '#shared/contract/index';
import { bucketThresholds } from '#shared/domain/agingViews';
import { addDays, diffDays } from '#shared/domain/dates';
import type { DateWindow } from '#shared/domain/kpiPeriods';
import { kpiFigures, type KpiInputs, type KpiReport } from '#shared/domain/kpiReport';
import { dsoCountback, monthsInPeriod, type CountbackMonth } from '#shared/domain/kpis';
import type { Ctx } from '../context';
import { periodAr } from './ar';
import { promiseOutcomes } from './promises';
import { collectedIn, creditedByDay, foldWindows, hasInvoices, invoiceCurrencies, invoicedByDay, monthWindows, sumIn } from './sales';

/** current, 1–30, 31–60, 61–90, 90+: bucket 0 is "current", bucket 4 is "over 90". */
const KPI_BOUNDS = [0, 30, 60, 90];
/** how far the countback DSO may walk back */
const COUNTBACK_MONTHS = 24;
/** months of sales read first; the countback rarely walks further (AR is a few months of sales) */
const NEAR_MONTHS = 6;

/**
 * KPIs of a period per currency (definitions in shared/domain/kpis.ts and kpiReport.ts):
 * AR at a date = aging total as of that date (AR_begin: as of the day before `from`), computed in
 * ar.ts from today's balances and the events since; credit sales = invoices issued in the period −
 * credit notes dated in it; collected = payments received in it. Each input is one pass over a
 * covering index; nothing is read row by row.
 */
export async function kpisReport(ctx: Ctx, input: ParsedInputOf<'kpis.report'>): Promise<KpiReport> {
  const { from, to, basis, graceDays } = input;
  const arBeginDate = addDays(from, -1);
  const t = bucketThresholds(to, KPI_BOUNDS);
  const ar = await periodAr(ctx, arBeginDate, to, basis, t[0]!, t[3]!);
  const collected = await collectedIn(ctx, from, to);
  const windows = monthWindows(to, COUNTBACK_MONTHS);
  const sales = await salesOf(ctx, arBeginDate, to, windows, new Map([...ar].map(([c, a]) => [c, a.end])));
  const promises = await promiseOutcomes(ctx, from, to, graceDays);

  const currencies = new Set<string>();
  for (const [c, a] of ar) if (a.begin > 0 || a.end > 0 || a.hasApplied) currencies.add(c);
  for (const m of [sales.invoiced, sales.credited, collected, promises]) for (const c of m.keys()) currencies.add(c);
  for (const c of sales.present) currencies.add(c);
  const months = monthsInPeriod(from, to);
  const days = diffDays(from, to) + 1;
  const figures = [...currencies].sort().map((currency) => {
    const a = ar.get(currency);
    const inv = sales.invoiced.get(currency) ?? 0;
    const cn = sales.credited.get(currency) ?? 0;
    const cb = sales.countback.get(currency);
    const inputs: KpiInputs = {
      arBegin: a?.begin ?? 0,
      arEnd: a?.end ?? 0,
      arEndCurrent: a?.endCurrent ?? 0,
      arEndOver90: a?.endOver90 ?? 0,
      creditSales: inv - cn,
      invoiced: inv,
      credited: cn,
      collected: collected.get(currency) ?? 0,
      applied: a?.applied ?? 0,
      months,
      days,
      countback: sales.windows.map((w, k): CountbackMonth => ({ sales: cb?.[k] ?? 0, days: w.days })),
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

type Sales = {
  invoiced: Map<string, number>;
  credited: Map<string, number>;
  /** net sales per countback window of `windows`: all of them, or the recent ones when every walk ends there */
  countback: Map<string, number[]>;
  windows: readonly DateWindow[];
  /** currencies with an invoice or credit note in any of the countback's months */
  present: Set<string>;
};

/**
 * Sales of the period and of the countback's months, from day sums. The countback looks at months only
 * until the one that covers what is left of AR_end, so the older months are read only when some
 * currency's walk gets past the recent ones; otherwise no figure can depend on them. A currency with
 * sales only in those older months is still listed (one index seek each), as it would be had they
 * been read.
 */
async function salesOf(ctx: Ctx, arBeginDate: string, to: string, windows: readonly DateWindow[], arEnd: ReadonlyMap<string, number>): Promise<Sales> {
  const from = addDays(arBeginDate, 1);
  const oldest = windows[windows.length - 1]!.after;
  const near = windows.slice(0, NEAR_MONTHS);
  const nearStart = minDate(arBeginDate, near[near.length - 1]!.after);
  const currencies = await invoiceCurrencies(ctx);
  const credits = await creditedByDay(ctx, minDate(arBeginDate, oldest), to);
  const invoices = await invoicedByDay(ctx, currencies, nearStart, to);
  const base = { invoiced: sumIn(invoices, from, to), credited: sumIn(credits, from, to) };
  const recent = foldWindows(invoices, credits, near);
  const walksFurther = [...arEnd].some(
    ([c, ar]) =>
      ar > 0 &&
      dsoCountback(
        ar,
        near.map((w, k) => ({ sales: recent.get(c)?.[k] ?? 0, days: w.days })),
      ).exhausted,
  );
  if (walksFurther) {
    const older = nearStart > oldest ? await invoicedByDay(ctx, currencies, oldest, nearStart) : [];
    const countback = foldWindows(invoices.concat(older), credits, windows);
    return { ...base, countback, windows, present: new Set(countback.keys()) };
  }
  const present = new Set([...invoices, ...credits].filter((r) => r.date > oldest && r.date <= to).map((r) => r.currency));
  for (const c of currencies) if (!present.has(c) && nearStart > oldest && (await hasInvoices(ctx, c, oldest, nearStart))) present.add(c);
  return { ...base, countback: recent, windows: near, present };
}

const minDate = (a: string, b: string) => (a < b ? a : b);
