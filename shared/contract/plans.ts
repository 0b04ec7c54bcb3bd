import { z } from 'zod';
import type { Cents, CurrencyCode } from '../domain/money';
import type { PlanFrequency, PlanMethod, ScheduledInstallment } from '../domain/planSchedule';
import { PLAN_LIMITS } from '../domain/planSchedule';
import { op } from './op';
import { cents, currency, id, isoDate } from './schemas';

/** A plan's schedule before it is saved: what `plan preview` prints and the plan form shows. */
export type PlanPreview = {
  clientId: number;
  currency: CurrencyCode;
  invoiceIds: number[];
  /** the open overdue balance the plan covers (disputed amounts and invoices under another plan left out) */
  principal: Cents;
  downPayment: Cents;
  interest: Cents;
  fees: Cents;
  total: Cents;
  annualPct: number;
  frequency: PlanFrequency;
  method: PlanMethod;
  installments: ScheduledInstallment[];
};

export const planTermsInput = z
  .object({
    clientId: id,
    /** which invoices; absent = the whole overdue balance of the currency */
    invoiceIds: z.array(id).max(1000).optional(),
    currency: currency.optional(),
    installments: z
      .number({ error: 'validation.plan.installments' })
      .int({ error: 'validation.plan.installments' })
      .min(1, { error: 'validation.plan.installments' })
      .max(PLAN_LIMITS.maxInstallments, { error: 'validation.plan.installments' }),
    frequency: z.enum(['weekly', 'fortnightly', 'monthly'], { error: 'validation.plan.frequency' }),
    first: isoDate,
    downPayment: cents.default(0 as Cents),
    annualPct: z
      .number({ error: 'validation.plan.rate' })
      .min(0, { error: 'validation.plan.rate' })
      .max(PLAN_LIMITS.maxAnnualPct, { error: 'validation.plan.rate' })
      .default(0),
    fees: cents.default(0 as Cents),
    method: z.enum(['equal-installment', 'equal-principal'], { error: 'validation.plan.method' }).default('equal-installment'),
  })
  .strict();

export const previewPlan = op<PlanPreview>()('plans.preview', planTermsInput, { writes: false });

export const planOps = [previewPlan] as const;
