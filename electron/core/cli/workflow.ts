import fs from 'node:fs';
import type { Core } from '../app';
import { CarteraError } from '../errors';
import { parseMoney } from '#shared/domain/money';
import { dateFlag, usage, type CliValues } from './kpis';

/** `cartera policy show` prints the policy as JSON; `policy set FILE.json` replaces it after validating it. */
export async function runPolicy(core: Core, rest: string[], out: NodeJS.WritableStream): Promise<number> {
  const [verb, file] = rest;
  if (verb === 'show') {
    out.write(JSON.stringify(await core.call('policy.get', {}), null, 2) + '\n');
    return 0;
  }
  if (verb !== 'set') throw usage('policy needs show or set FILE.json');
  if (!file) throw usage('policy set needs FILE.json');
  let policy: unknown;
  try {
    policy = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CarteraError('validation', 'error.policy.file', { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
  }
  await core.call('policy.set', { policy } as never);
  out.write(`policy: ${file} saved\n`);
  return 0;
}

/** `cartera worklist --date D [--format json|table]`: runs the engine for the day and prints its tasks. */
export async function runWorklist(core: Core, values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  const date = dateFlag(values.date, '--date', core.ctx.clock.today());
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw usage('--format must be json or table');
  await core.call('workflow.run', { date });
  const list = await core.call('tasks.worklist', { date });
  const tasks = list.tasks.map((t) => ({
    clientCode: t.clientCode,
    clientName: t.clientName,
    kind: t.kind,
    channel: t.channel,
    stage: t.stage,
    priority: t.priority,
    reason: t.reason,
    currency: t.currency,
    overdue: t.overdue,
    daysOverdue: t.daysOverdue,
  }));
  if (format === 'json') {
    out.write(JSON.stringify({ date, tasks }, null, 2) + '\n');
    return 0;
  }
  const head = ['Priority', 'Client', 'Kind', 'Channel', 'Stage', 'Cur', 'Overdue', 'Days', 'Reason'];
  const rows = tasks.map((t) => [
    String(t.priority),
    `${t.clientCode} ${t.clientName}`.slice(0, 36),
    t.kind,
    t.channel ?? '',
    t.stage ?? '',
    t.currency ?? '',
    String(t.overdue),
    String(t.daysOverdue),
    t.reason,
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (i === 0 || i === 6 || i === 7 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  out.write([`Worklist for ${date}: ${tasks.length} tasks`, fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n') + '\n');
  return 0;
}

/** `cartera promise add --client CODE --amount 123.45 --currency PEN --date D [--made D]` */
export async function runPromiseAdd(core: Core, rest: string[], values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  if (rest[0] !== 'add') throw usage('promise needs add');
  const code = values.client;
  if (typeof code !== 'string' || !code) throw usage('--client CODE is required');
  const currency = typeof values.currency === 'string' ? values.currency.toUpperCase() : '';
  if (!currency) throw usage('--currency is required');
  if (typeof values.amount !== 'string') throw usage('--amount is required');
  const amount = parseMoney(values.amount, currency, { decimal: '.' });
  if (!amount.ok) throw usage('--amount must be an amount such as 123.45');
  const date = dateFlag(values.date, '--date');
  const made = dateFlag(values.made, '--made', core.ctx.clock.today());
  const p = await core.call('promises.add', { clientCode: code, amount: amount.value, currency, date, made, channel: 'call', enteredBy: 'cli' });
  out.write(`promise ${p.id}: ${code} ${values.amount} ${currency} by ${date}\n`);
  return 0;
}

/** `cartera promises --as-of D --format json` → [{clientCode, amount, currency, date, made, status}] */
export async function runPromises(core: Core, values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  const asOf = dateFlag(values['as-of'], '--as-of', core.ctx.clock.today());
  const format = values.format ?? 'json';
  if (format !== 'json') throw usage('--format must be json');
  const list = await core.call('promises.asOf', { asOf });
  out.write(
    JSON.stringify(
      list.map((p) => ({ clientCode: p.clientCode, amount: p.amount, currency: p.currency, date: p.date, made: p.made, status: p.status })),
      null,
      2,
    ) + '\n',
  );
  return 0;
}
