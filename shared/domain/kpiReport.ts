import { formatMoney } from './money';
import {
  averageDaysDelinquent,
  bestPossibleDso,
  cei,
  dsoCountback,
  dsoSimple,
  pct,
  promiseKeptRate,
  round1,
  round1OrNull,
  type CountbackMonth,
  type PromiseOutcome,
} from './kpis';

/**
 * The KPI report of one period, per currency, with the inputs used and a formula and explanation per
 * figure (the UI shows them on hover). Variants, stated once: DSO simple = AR_end / CS × days;
 * DSO countback with real month lengths (dsoCountback30 is the 30-day-month textbook variant);
 * best possible DSO by the simple method, so ADD = dsoSimple − bestPossibleDso; CEI with CS/N.
 */
export type KpiInputs = {
  /** AR at the end of the day before `from` (aging total) */
  arBegin: number;
  arEnd: number;
  /** the not-yet-due part of AR_end (bucket "current" of the aging on the chosen basis) */
  arEndCurrent: number;
  /** AR_end more than 90 days past due (or past issue, on the issue basis) */
  arEndOver90: number;
  /** invoices issued in the period − credit notes dated in it */
  creditSales: number;
  invoiced: number;
  credited: number;
  /** payments received in the period (cash in, applied or not) */
  collected: number;
  /** allocations to invoices dated in the period */
  applied: number;
  months: number;
  days: number;
  countback: CountbackMonth[];
  promises: PromiseOutcome[];
};

/**
 * `formula` is the textbook formula (stable, for the CLI and JSON); `words` is the same formula in the
 * clerk's language ("cartera al cierre ÷ ventas al crédito × días"), which is what the screen shows.
 */
export type KpiExplain = { formula: string; explanation: string; words?: string };

export type KpiFigures = {
  currency: string;
  dsoSimple: number | null;
  dsoCountback: number | null;
  dsoCountback30: number | null;
  bestPossibleDso: number | null;
  add: number | null;
  cei: number | null;
  currentPct: number | null;
  over90Pct: number | null;
  collected: number;
  promiseKeptRate: number | null;
  promiseKeptRateAmount: number | null;
  arBegin: number;
  arEnd: number;
  arEndCurrent: number;
  arEndOver90: number;
  creditSales: number;
  invoiced: number;
  credited: number;
  applied: number;
  months: number;
  days: number;
  /** true when AR_end exceeded all the sales the countback could walk: the countback DSO is a lower bound */
  countbackExhausted: boolean;
  promisesDue: number;
  promisesKept: number;
  promisedAmount: number;
  promisedReceived: number;
  explain: Record<'dsoSimple' | 'dsoCountback' | 'bestPossibleDso' | 'add' | 'cei' | 'currentPct' | 'over90Pct' | 'collected' | 'promiseKeptRate', KpiExplain>;
};

export type KpiReport = {
  from: string;
  to: string;
  basis: 'due' | 'issue';
  graceDays: number;
  /** the date AR_begin is measured at (the day before `from`) */
  arBeginDate: string;
  variants: { dso: 'simple'; dsoCountback: 'real-month-lengths'; bestPossibleDso: 'simple'; cei: 'CS/N'; promiseKeptRate: 'count' };
  currencies: KpiFigures[];
};

export type KpiTrendCurrency = {
  currency: string;
  /** one value per month-end, oldest first */
  ar: number[];
  overdue: number[];
  sales: number[];
  dsoSimple: (number | null)[];
};

export type KpiTrend = { asOf: string; monthEnds: string[]; currencies: KpiTrendCurrency[] };

const T = {
  en: {
    dsoSimple: 'AR at the end {arEnd} ÷ credit sales {cs} × {days} days = {v} days',
    dsoCountback: 'Walks back month by month from AR at the end {arEnd}, counting whole months while AR exceeds their sales (real month lengths) = {v} days',
    bestPossibleDso: 'Current AR {cur} ÷ credit sales {cs} × {days} days = {v} days',
    add: 'DSO {dso} − best possible DSO {bp} = {v} days',
    cei: '({begin} + {cs} ÷ {n} − {arEnd}) ÷ ({begin} + {cs} ÷ {n} − {cur}) × 100 = {v} %',
    currentPct: 'Current {cur} ÷ AR {arEnd} = {v} %',
    over90Pct: 'Over 90 days {o90} ÷ AR {arEnd} = {v} %',
    collected: 'Payments received from {from} to {to}: {v}',
    promiseKeptRate: '{kept} of {due} promises fallen due were paid in full by their date + {grace} days = {v} % ({amt} % by amount)',
    na: 'not available: {why}',
    noSales: 'no credit sales in the period',
    noPromises: 'no promises fell due in the period',
    noAr: 'no receivables',
  },
  es: {
    dsoSimple: 'Cartera al cierre {arEnd} ÷ ventas al crédito {cs} × {days} días = {v} días',
    dsoCountback:
      'Recorre mes a mes hacia atrás desde la cartera al cierre {arEnd}, contando meses completos mientras la cartera supera sus ventas (días reales) = {v} días',
    bestPossibleDso: 'Cartera por vencer {cur} ÷ ventas al crédito {cs} × {days} días = {v} días',
    add: 'DSO {dso} − mejor DSO posible {bp} = {v} días',
    cei: '({begin} + {cs} ÷ {n} − {arEnd}) ÷ ({begin} + {cs} ÷ {n} − {cur}) × 100 = {v} %',
    currentPct: 'Por vencer {cur} ÷ cartera {arEnd} = {v} %',
    over90Pct: 'Más de 90 días {o90} ÷ cartera {arEnd} = {v} %',
    collected: 'Pagos recibidos del {from} al {to}: {v}',
    promiseKeptRate: '{kept} de {due} promesas vencidas se pagaron completas a su fecha + {grace} días = {v} % ({amt} % por monto)',
    na: 'no disponible: {why}',
    noSales: 'no hubo ventas al crédito en el periodo',
    noPromises: 'ninguna promesa venció en el periodo',
    noAr: 'no hay cartera',
  },
};

const FORMULAS: Record<keyof KpiFigures['explain'], string> = {
  dsoSimple: 'AR_end / CS × days',
  dsoCountback: 'Σ days of months walked back from AR_end + remaining / month sales × month days',
  bestPossibleDso: 'AR_end_current / CS × days',
  add: 'DSO − BPDSO',
  cei: '(AR_begin + CS/N − AR_end) / (AR_begin + CS/N − AR_end_current) × 100',
  currentPct: 'AR_end_current / AR_end × 100',
  over90Pct: 'AR_end_over_90 / AR_end × 100',
  collected: 'Σ payments dated in the period',
  promiseKeptRate: 'promises kept / promises fallen due × 100',
};

/** The formulas in words, per language: what the tooltip shows above the figures that went in. */
const FORMULA_WORDS: Record<'en' | 'es', Record<keyof KpiFigures['explain'], string>> = {
  en: {
    dsoSimple: 'AR at the end ÷ credit sales of the period × days in the period',
    dsoCountback:
      'Walking back from the last month: the days of every month whose credit sales the AR at the end still covers, plus the share of the month where it runs out',
    bestPossibleDso: 'AR not yet due ÷ credit sales of the period × days in the period',
    add: 'DSO − best possible DSO: the days that are due to late payment',
    cei: '(AR at the start + monthly credit sales − AR at the end) ÷ (AR at the start + monthly credit sales − AR not yet due) × 100',
    currentPct: 'AR not yet due ÷ all AR at the end × 100',
    over90Pct: 'AR more than 90 days late ÷ all AR at the end × 100',
    collected: 'Sum of the payments dated in the period',
    promiseKeptRate: 'Promises paid in full by their date ÷ promises that fell due × 100',
  },
  es: {
    dsoSimple: 'Cartera al cierre ÷ ventas al crédito del periodo × días del periodo',
    dsoCountback:
      'Desde el último mes hacia atrás: los días de cada mes cuyas ventas al crédito aún cubre la cartera al cierre, más la parte del mes en que se agota',
    bestPossibleDso: 'Cartera por vencer ÷ ventas al crédito del periodo × días del periodo',
    add: 'DSO − mejor DSO posible: los días que se deben al atraso en los pagos',
    cei: '(Cartera al inicio + ventas al crédito del mes − cartera al cierre) ÷ (cartera al inicio + ventas al crédito del mes − cartera por vencer) × 100',
    currentPct: 'Cartera por vencer ÷ cartera total al cierre × 100',
    over90Pct: 'Cartera con más de 90 días de atraso ÷ cartera total al cierre × 100',
    collected: 'Suma de los pagos con fecha en el periodo',
    promiseKeptRate: 'Promesas pagadas completas a su fecha ÷ promesas que vencieron × 100',
  },
};

function fill(s: string, p: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));
}

/** All the figures of one currency from its inputs; rounding to one decimal happens here, once. */
export function kpiFigures(currency: string, x: KpiInputs, ctx: { locale: string; from: string; to: string; graceDays: number }): KpiFigures {
  const t = ctx.locale.toLowerCase().startsWith('en') ? T.en : T.es;
  const m = (v: number) => formatMoney(v, currency, ctx.locale);
  const simple = dsoSimple(x.arEnd, x.creditSales, x.days);
  const bp = bestPossibleDso(x.arEndCurrent, x.creditSales, x.days);
  const cb = dsoCountback(x.arEnd, x.countback);
  const cb30 = dsoCountback(
    x.arEnd,
    x.countback.map((c) => ({ sales: c.sales, days: 30 })),
  );
  const hasSales = x.countback.some((c) => c.sales > 0);
  // from the rounded figures, so the three numbers on screen always add up (45 − 12 = 33)
  const add = averageDaysDelinquent(round1OrNull(simple), round1OrNull(bp));
  const ceiV = cei(x.arBegin, x.creditSales, x.months, x.arEnd, x.arEndCurrent);
  const cur = pct(x.arEndCurrent, x.arEnd);
  const o90 = pct(x.arEndOver90, x.arEnd);
  const pk = promiseKeptRate(x.promises);
  const na = (why: string) => fill(t.na, { why });
  const show = (v: number | null, text: string, why: string) => (v === null ? na(why) : text);
  const base = { arEnd: m(x.arEnd), cs: m(x.creditSales), days: x.days, cur: m(x.arEndCurrent), begin: m(x.arBegin), n: x.months, o90: m(x.arEndOver90) };
  const r = (v: number | null) => round1OrNull(v);
  const explanation = {
    dsoSimple: show(simple, fill(t.dsoSimple, { ...base, v: r(simple) ?? '' }), t.noSales),
    dsoCountback: show(hasSales || x.arEnd === 0 ? cb.days : null, fill(t.dsoCountback, { ...base, v: round1(cb.days) }), t.noSales),
    bestPossibleDso: show(bp, fill(t.bestPossibleDso, { ...base, v: r(bp) ?? '' }), t.noSales),
    add: show(add, fill(t.add, { dso: r(simple) ?? '', bp: r(bp) ?? '', v: r(add) ?? '' }), t.noSales),
    cei: show(ceiV, fill(t.cei, { ...base, v: r(ceiV) ?? '' }), t.noSales),
    currentPct: show(cur, fill(t.currentPct, { ...base, v: r(cur) ?? '' }), t.noAr),
    over90Pct: show(o90, fill(t.over90Pct, { ...base, v: r(o90) ?? '' }), t.noAr),
    collected: fill(t.collected, { from: ctx.from, to: ctx.to, v: m(x.collected) }),
    promiseKeptRate: show(
      pk.byCount,
      fill(t.promiseKeptRate, { kept: pk.kept, due: pk.due, grace: ctx.graceDays, v: r(pk.byCount) ?? '', amt: r(pk.byAmount) ?? '' }),
      t.noPromises,
    ),
  };
  const words = FORMULA_WORDS[ctx.locale.toLowerCase().startsWith('en') ? 'en' : 'es'];
  const explain = Object.fromEntries(
    Object.entries(explanation).map(([k, e]) => [k, { formula: FORMULAS[k as keyof typeof FORMULAS], explanation: e, words: words[k as keyof typeof words] }]),
  ) as KpiFigures['explain'];
  return {
    currency,
    dsoSimple: r(simple),
    dsoCountback: hasSales || x.arEnd === 0 ? round1(cb.days) : null,
    dsoCountback30: hasSales || x.arEnd === 0 ? round1(cb30.days) : null,
    bestPossibleDso: r(bp),
    add: r(add),
    cei: r(ceiV),
    currentPct: r(cur),
    over90Pct: r(o90),
    collected: x.collected,
    promiseKeptRate: r(pk.byCount),
    promiseKeptRateAmount: r(pk.byAmount),
    arBegin: x.arBegin,
    arEnd: x.arEnd,
    arEndCurrent: x.arEndCurrent,
    arEndOver90: x.arEndOver90,
    creditSales: x.creditSales,
    invoiced: x.invoiced,
    credited: x.credited,
    applied: x.applied,
    months: x.months,
    days: x.days,
    countbackExhausted: cb.exhausted && x.arEnd > 0,
    promisesDue: pk.due,
    promisesKept: pk.kept,
    promisedAmount: pk.promised,
    promisedReceived: pk.received,
    explain,
  };
}
