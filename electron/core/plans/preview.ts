import { sql } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import type { PlanPreview } from '#shared/contract/plans';
import { formatMoney } from '#shared/domain/money';
import { planSchedule, type PlanTermsError } from '#shared/domain/planSchedule';
import type { Ctx } from '../context';
import { CarteraError, notFound } from '../errors';

type EligibleInvoice = { id: number; series: string; number: string; currency: string; dueDate: string; open: number };

/**
 * The client's invoices that can go into a plan today: overdue (due before today), open as of today by
 * the aging rule (only payments and credit notes dated up to today count), not disputed and not already
 * under an active plan.
 */
export async function eligibleInvoices(ctx: Ctx, clientId: number): Promise<EligibleInvoice[]> {
  const today = ctx.clock.today();
  const r = await sql<EligibleInvoice>`
    SELECT i.id, i.series, i.number, i.currency, i.due_date AS dueDate,
      i.amount
      - coalesce((SELECT sum(a.amount) FROM payment_allocations a WHERE a.invoice_id = i.id AND a.voided_at IS NULL AND a.date <= ${today}), 0)
      - coalesce((SELECT sum(n.amount) FROM credit_notes n WHERE n.invoice_id = i.id AND n.voided_at IS NULL AND n.date <= ${today}), 0) AS open
    FROM invoices i
    WHERE i.client_id = ${clientId} AND i.due_date < ${today} AND i.issue_date <= ${today} AND i.voided_at IS NULL
      AND (i.settled_on IS NULL OR i.settled_on > ${today})
      AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.status = 'open')
      AND NOT EXISTS (SELECT 1 FROM plan_invoices pi JOIN payment_plans p ON p.id = pi.plan_id WHERE pi.invoice_id = i.id AND p.status = 'active')
    ORDER BY i.due_date, i.id`.execute(ctx.db.withoutPlugins());
  return r.rows.filter((i) => i.open > 0);
}

function chooseCurrency(clientCode: string, eligible: EligibleInvoice[], wanted: string | undefined, picked: number[] | undefined): string {
  if (wanted) return wanted;
  const pool = picked ? eligible.filter((i) => picked.includes(i.id)) : eligible;
  const currencies = [...new Set(pool.map((i) => i.currency))].sort();
  if (currencies.length > 1) throw new CarteraError('validation', 'error.plan.several_currencies', { client: clientCode, currencies: currencies.join(', ') });
  return currencies[0] ?? ''; // nothing overdue: reported by the caller
}

const termsErrors: Record<
  PlanTermsError,
  | 'validation.plan.installments'
  | 'validation.plan.rate'
  | 'error.plan.rate_precision'
  | 'error.plan.down_payment_too_large'
  | 'error.plan.too_many_installments'
  | 'validation.amount_not_negative'
> = {
  installments_range: 'validation.plan.installments',
  rate_range: 'validation.plan.rate',
  rate_precision: 'error.plan.rate_precision',
  down_payment_negative: 'validation.amount_not_negative',
  down_payment_too_large: 'error.plan.down_payment_too_large',
  fees_negative: 'validation.amount_not_negative',
  too_many_installments_for_amount: 'error.plan.too_many_installments',
  principal_not_positive: 'error.plan.too_many_installments',
};

/** The schedule a plan would have, computed and checked but not saved. */
export async function previewPlan(ctx: Ctx, input: ParsedInputOf<'plans.preview'>): Promise<PlanPreview> {
  const client = await ctx.db.selectFrom('clients').select(['id', 'code']).where('id', '=', input.clientId).executeTakeFirst();
  if (!client) throw notFound('client', input.clientId);
  const eligible = await eligibleInvoices(ctx, client.id);
  const currency = chooseCurrency(client.code, eligible, input.currency, input.invoiceIds);
  let chosen = eligible.filter((i) => i.currency === currency);
  if (input.invoiceIds) {
    const byId = new Map(chosen.map((i) => [i.id, i]));
    for (const invoiceId of input.invoiceIds) {
      if (!byId.has(invoiceId)) {
        const inv = await ctx.db.selectFrom('invoices').select(['series', 'number']).where('id', '=', invoiceId).executeTakeFirst();
        throw new CarteraError('validation', 'error.plan.invoice_not_eligible', {
          number: inv ? [inv.series, inv.number].filter(Boolean).join('-') : String(invoiceId),
          currency,
        });
      }
    }
    chosen = chosen.filter((i) => input.invoiceIds!.includes(i.id));
  }
  const principal = chosen.reduce((s, i) => s + i.open, 0);
  if (principal <= 0) throw new CarteraError('validation', 'error.plan.nothing_overdue', { client: client.code, currency: currency || '—' });
  const money = (v: number): string => formatMoney(v, currency, ctx.locale);
  const r = planSchedule({
    principal,
    downPayment: input.downPayment,
    installments: input.installments,
    frequency: input.frequency,
    first: input.first,
    annualPct: input.annualPct,
    fees: input.fees,
    method: input.method,
  });
  if (!r.ok)
    throw new CarteraError('validation', termsErrors[r.error], {
      down: money(input.downPayment),
      principal: money(principal),
      financed: money(principal - input.downPayment),
      installments: input.installments,
    });
  const s = r.schedule;
  return {
    clientId: client.id,
    currency,
    invoiceIds: chosen.map((i) => i.id),
    principal: s.principal,
    downPayment: s.downPayment,
    interest: s.interest,
    fees: s.fees,
    total: s.total,
    annualPct: input.annualPct,
    frequency: input.frequency,
    method: input.method,
    installments: s.installments,
  };
}
