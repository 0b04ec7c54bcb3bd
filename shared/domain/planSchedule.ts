/**
 * Payment-plan schedules in integer minor units.
 *
 * Two methods:
 * - equal instalments (French system): A = P·i / (1 − (1+i)^−n), each period's interest = outstanding × i
 *   rounded half up, principal = A − interest;
 * - equal principal: P/n of principal plus the interest on the outstanding principal.
 * The periodic rate i is annual/12 (monthly), annual × 14/365 (fortnightly) or annual × 7/365 (weekly).
 * The rate is kept as an exact fraction and A is computed with BigInt, so no float ever touches money and
 * the same inputs give the same cents on every machine. The rounding difference goes to the last
 * instalment, so the principal parts add up exactly to the financed amount.
 */
import { addDays, addMonths, type IsoDate } from './dates';
import type { Cents } from './money';

export type PlanFrequency = 'weekly' | 'fortnightly' | 'monthly';
export type PlanMethod = 'equal-installment' | 'equal-principal';

export const PLAN_LIMITS = { maxInstallments: 120, maxAnnualPct: 100, ratePrecision: 10_000 } as const;

export type PlanTerms = {
  /** The debt the plan covers (open balance of the chosen invoices), minor units. */
  principal: number;
  downPayment: number;
  installments: number;
  frequency: PlanFrequency;
  first: IsoDate | string;
  /** Simple annual rate in percent (12.5 = 12.5 %); 0 for no interest. At most four decimals. */
  annualPct: number;
  /** Fixed fees for the plan, minor units; charged with the first instalment and stated apart. */
  fees: number;
  method: PlanMethod;
};

export type ScheduledInstallment = { n: number; due: IsoDate; principal: Cents; interest: Cents; fee: Cents; amount: Cents };

export type PlanSchedule = {
  principal: Cents;
  downPayment: Cents;
  financed: Cents;
  interest: Cents;
  fees: Cents;
  total: Cents;
  installments: ScheduledInstallment[];
};

export type PlanTermsError =
  | 'installments_range'
  | 'principal_not_positive'
  | 'down_payment_negative'
  | 'down_payment_too_large'
  | 'rate_range'
  | 'rate_precision'
  | 'fees_negative'
  | 'too_many_installments_for_amount';

export type PlanResult = { ok: true; schedule: PlanSchedule } | { ok: false; error: PlanTermsError };

type Fraction = { num: bigint; den: bigint };

/** The periodic rate as an exact fraction of 1. */
export function periodicRate(annualPct: number, frequency: PlanFrequency): Fraction {
  const scaled = BigInt(Math.round(annualPct * PLAN_LIMITS.ratePrecision)); // percent × 10⁴
  const base = 100n * BigInt(PLAN_LIMITS.ratePrecision);
  switch (frequency) {
    case 'monthly':
      return { num: scaled, den: base * 12n };
    case 'fortnightly':
      return { num: scaled * 14n, den: base * 365n };
    case 'weekly':
      return { num: scaled * 7n, den: base * 365n };
  }
}

/** Rounds num/den (both ≥ 0, den > 0) half up to an integer. */
function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

function interestOn(outstanding: bigint, rate: Fraction): bigint {
  return roundHalfUp(outstanding * rate.num, rate.den);
}

/** The French-system instalment F·i·(1+i)^n / ((1+i)^n − 1) with i = num/den, as an exact fraction. */
function annuity(financed: bigint, n: number, rate: Fraction): Fraction {
  if (rate.num === 0n) return { num: financed, den: BigInt(n) };
  const grown = (rate.den + rate.num) ** BigInt(n);
  const base = rate.den ** BigInt(n);
  return { num: financed * rate.num * grown, den: rate.den * (grown - base) };
}

export function validatePlanTerms(t: PlanTerms): PlanTermsError | null {
  if (!Number.isInteger(t.installments) || t.installments < 1 || t.installments > PLAN_LIMITS.maxInstallments) return 'installments_range';
  if (!Number.isSafeInteger(t.principal) || t.principal <= 0) return 'principal_not_positive';
  if (!Number.isSafeInteger(t.downPayment) || t.downPayment < 0) return 'down_payment_negative';
  if (t.downPayment >= t.principal) return 'down_payment_too_large';
  if (!Number.isFinite(t.annualPct) || t.annualPct < 0 || t.annualPct > PLAN_LIMITS.maxAnnualPct) return 'rate_range';
  const scaled = t.annualPct * PLAN_LIMITS.ratePrecision;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6) return 'rate_precision';
  if (!Number.isSafeInteger(t.fees) || t.fees < 0) return 'fees_negative';
  if (t.principal - t.downPayment < t.installments) return 'too_many_installments_for_amount';
  return null;
}

export function dueDates(first: IsoDate | string, n: number, frequency: PlanFrequency): IsoDate[] {
  // Monthly dates are anchored on the first date's day, so 31 Jan → 28/29 Feb → 31 Mar (never drifting).
  return Array.from({ length: n }, (_, k) => (frequency === 'monthly' ? addMonths(first, k) : addDays(first, k * (frequency === 'weekly' ? 7 : 14))));
}

/**
 * The regular principal part (equal principal) or instalment (equal instalments), rounded half up, unless
 * that would leave the last instalment at zero or below; then rounded down, so the last one carries the
 * (positive) difference.
 */
function regularPart(exact: Fraction, n: number, lastRemaining: (part: bigint) => bigint): bigint {
  const up = roundHalfUp(exact.num, exact.den);
  if (n === 1 || lastRemaining(up) > 0n) return up;
  return exact.num / exact.den;
}

function buildRows(t: PlanTerms, financed: bigint, rate: Fraction): { principal: bigint; interest: bigint }[] {
  const n = t.installments;
  const simulate = (part: bigint): { principal: bigint; interest: bigint }[] => {
    const rows: { principal: bigint; interest: bigint }[] = [];
    let outstanding = financed;
    for (let k = 0; k < n; k++) {
      const interest = interestOn(outstanding, rate);
      const isLast = k === n - 1;
      let principal = t.method === 'equal-principal' ? part : part - interest;
      if (isLast || principal > outstanding) principal = outstanding;
      rows.push({ principal, interest });
      outstanding -= principal;
    }
    return rows;
  };
  const exact = t.method === 'equal-principal' ? { num: financed, den: BigInt(n) } : annuity(financed, n, rate);
  const lastPrincipal = (part: bigint): bigint => simulate(part).at(-1)!.principal;
  return simulate(regularPart(exact, n, lastPrincipal));
}

export function planSchedule(t: PlanTerms): PlanResult {
  const error = validatePlanTerms(t);
  if (error) return { ok: false, error };
  const financed = BigInt(t.principal - t.downPayment);
  const rate = periodicRate(t.annualPct, t.frequency);
  const rows = buildRows(t, financed, rate);
  if (rows.some((r) => r.principal <= 0n)) return { ok: false, error: 'too_many_installments_for_amount' };
  const dates = dueDates(t.first, t.installments, t.frequency);
  const installments = rows.map((r, k): ScheduledInstallment => {
    const fee = k === 0 ? t.fees : 0;
    const principal = Number(r.principal);
    const interest = Number(r.interest);
    return {
      n: k + 1,
      due: dates[k]!,
      principal: principal as Cents,
      interest: interest as Cents,
      fee: fee as Cents,
      amount: (principal + interest + fee) as Cents,
    };
  });
  const interest = installments.reduce((s, i) => s + i.interest, 0);
  return {
    ok: true,
    schedule: {
      principal: t.principal as Cents,
      downPayment: t.downPayment as Cents,
      financed: Number(financed) as Cents,
      interest: interest as Cents,
      fees: t.fees as Cents,
      total: (t.principal + interest + t.fees) as Cents,
      installments,
    },
  };
}
