import { formatDate, diffDays } from '#shared/domain/dates';
import { formatMoney } from '#shared/domain/money';
import type { ScriptVariables } from '#shared/domain/scripts/render';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { eligibleInvoices } from '../plans/preview';
import { letterFigures } from '../letters/figures';
import { getPolicy } from '../workflow/policy';

/** Days a final notice gives before the case goes pre-legal, until the policy states its own. */
const DEFAULT_DEADLINE_DAYS = 10;

function sumsByCurrency(rows: readonly { currency: string; open: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.currency, (m.get(r.currency) ?? 0) + r.open);
  return m;
}

/**
 * What a call script says about a client, as text in the user's locale: the overdue balance by the
 * aging rule (disputed invoices and those under a plan left out, as in dunning), the oldest overdue
 * invoice (or, before anything is due, the next one to fall due), the interest to date as letters state
 * it, the policy's payment methods and the last promise.
 */
export async function scriptVariables(ctx: Ctx, clientId: number, locale: string): Promise<ScriptVariables> {
  const client = await ctx.db.selectFrom('clients').select(['id', 'code', 'name']).where('id', '=', clientId).executeTakeFirst();
  if (!client) throw notFound('client', clientId);
  const today = ctx.clock.today();
  const money = (v: number, c: string) => formatMoney(v, c, locale);
  const [company, contact, promise] = await Promise.all([
    ctx.db.selectFrom('companySettings').select('name').where('id', '=', 1).executeTakeFirst(),
    ctx.db.selectFrom('contacts').select('name').where('clientId', '=', clientId).orderBy('id').executeTakeFirst(),
    ctx.db
      .selectFrom('promises')
      .select(['amount', 'currency', 'promisedDate'])
      .where('clientId', '=', clientId)
      .orderBy('promisedDate', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  ]);
  const [overdue, figures, policy] = await Promise.all([eligibleInvoices(ctx, clientId), letterFigures(ctx, clientId, today), getPolicy(ctx)]);
  const interest = figures.filter((f) => f.interest > 0).map((f) => money(f.interest, f.currency));
  const next = overdue.length
    ? null
    : await ctx.db
        .selectFrom('invoices')
        .select(['series', 'number', 'currency', 'openAmount', 'dueDate'])
        .where('clientId', '=', clientId)
        .where('openAmount', '>', 0)
        .where('voidedAt', 'is', null)
        .orderBy('dueDate')
        .executeTakeFirst();
  const oldestRow = overdue[0];
  const oldest = oldestRow
    ? {
        number: [oldestRow.series, oldestRow.number].filter(Boolean).join('-'),
        amount: money(oldestRow.open, oldestRow.currency),
        due: oldestRow.dueDate,
        daysLate: diffDays(oldestRow.dueDate, today),
      }
    : next
      ? { number: [next.series, next.number].filter(Boolean).join('-'), amount: money(next.openAmount, next.currency), due: next.dueDate, daysLate: 0 }
      : null;
  const totals = [...sumsByCurrency(overdue)].map(([c, v]) => money(v, c));
  return {
    company: { name: company?.name ?? '' },
    client: { name: client.name, code: client.code },
    contact: { name: contact?.name ?? '' },
    overdue: { amount: totals.join(' + '), count: String(overdue.length) },
    oldest: oldest
      ? { number: oldest.number, amount: oldest.amount, due: formatDate(oldest.due, locale), daysLate: String(Math.max(oldest.daysLate, 0)) }
      : { number: '', amount: '', due: '', daysLate: '' },
    interest: { amount: interest.join(' + ') },
    payment: { methods: policy.paymentMethods.map((p) => p.name).join(', ') },
    promise: promise ? { amount: money(promise.amount, promise.currency), date: formatDate(promise.promisedDate, locale) } : { amount: '', date: '' },
    deadline: { days: String(DEFAULT_DEADLINE_DAYS) },
    today: formatDate(today, locale),
  };
}
