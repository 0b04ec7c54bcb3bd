import type { Core } from '../app';
import { parseMoney } from '#shared/domain/money';
import { notFound } from '../errors';
import { dateFlag, usage, type CliValues } from './kpis';

const FREQUENCIES = ['weekly', 'fortnightly', 'monthly'] as const;
const METHODS = ['equal-installment', 'equal-principal'] as const;

function oneOf<T extends string>(v: string | boolean | undefined, allowed: readonly T[], flag: string, dflt?: T): T {
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw usage(`${flag} must be ${allowed.join(', ')}`);
  return v as T;
}

/** `cartera plan preview …`: the schedule a plan would have, as JSON in minor units; nothing is saved. */
export async function runPlan(core: Core, rest: string[], values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  if (rest[0] !== 'preview') throw usage('plan needs preview');
  if (typeof values.client !== 'string') throw usage('plan preview needs --client CODE');
  if ((values.format ?? 'json') !== 'json') throw usage('--format must be json');
  const installments = typeof values.installments === 'string' && /^\d{1,4}$/.test(values.installments) ? Number(values.installments) : NaN;
  if (Number.isNaN(installments)) throw usage('--installments must be a whole number');
  const rate = values.rate ?? '0';
  if (typeof rate !== 'string' || !/^\d{1,4}(\.\d{1,4})?$/.test(rate)) throw usage('--rate must be an annual percentage such as 12.5');
  const client = await core.ctx.db.selectFrom('clients').select('id').where('code', '=', values.client).executeTakeFirst();
  if (!client) throw notFound('client', values.client);
  const terms = {
    clientId: client.id,
    installments,
    frequency: oneOf(values.frequency, FREQUENCIES, '--frequency'),
    first: dateFlag(values.first, '--first'),
    annualPct: Number(rate),
    method: oneOf(values.method, METHODS, '--method', 'equal-installment'),
    ...(typeof values.currency === 'string' ? { currency: values.currency } : {}),
  };
  let downPayment = 0;
  if (typeof values.down === 'string') {
    // the down payment is read in the plan's currency, which may come from the client's debt
    const currency = terms.currency ?? (await core.call('plans.preview', terms)).currency;
    const parsed = parseMoney(values.down, currency, { decimal: '.' });
    if (!parsed.ok) throw usage(`--down is not an amount in ${currency} (use a dot for decimals, e.g. 150.00)`);
    downPayment = parsed.value;
  }
  const p = await core.call('plans.preview', { ...terms, downPayment });
  const shape = {
    currency: p.currency,
    principal: p.principal,
    downPayment: p.downPayment,
    interest: p.interest,
    fees: p.fees,
    total: p.total,
    installments: p.installments.map((i) => ({ n: i.n, due: i.due, principal: i.principal, interest: i.interest, amount: i.amount, fee: i.fee })),
  };
  out.write(JSON.stringify(shape, null, 2) + '\n');
  return 0;
}
