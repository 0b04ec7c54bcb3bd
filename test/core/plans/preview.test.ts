import { afterEach, describe, expect, it } from 'vitest';
import { freshCore, snapshot } from '../../support/core';
import { runCli } from '../../support/cli';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
let core: TestCore;
afterEach(async () => core?.close());

/** Today is 2026-11-20. C1 owes 1,000.00 (due Sep) − 250.00 paid, 500.00 (due Oct, disputed), 300.00 not yet due, USD 200.00 overdue. */
async function book(opts: { locale?: string } = {}) {
  core = await freshCore(opts);
  const c = await core.call('clients.create', { code: 'C1', name: 'Comercial Andina', paymentTermsDays: 30 });
  const a = await core.call('invoices.create', { clientId: c.id, number: 'F001-1', issueDate: '2026-08-01', currency: 'PEN', amount: 100_000 });
  const b = await core.call('invoices.create', { clientId: c.id, number: 'F001-2', issueDate: '2026-09-01', currency: 'PEN', amount: 50_000 });
  await core.call('invoices.create', { clientId: c.id, number: 'F001-3', issueDate: '2026-11-01', currency: 'PEN', amount: 30_000 });
  const usd = await core.call('invoices.create', { clientId: c.id, number: 'F001-4', issueDate: '2026-08-15', currency: 'USD', amount: 20_000 });
  await core.call('payments.record', {
    clientId: c.id,
    date: '2026-10-10',
    amount: 25_000,
    currency: 'PEN',
    method: 'transfer',
    allocations: [{ invoiceId: a.id, amount: 25_000 }],
  });
  // a post-dated cheque does not reduce today's debt (the aging rule)
  await core.call('payments.record', {
    clientId: c.id,
    date: '2026-12-15',
    amount: 10_000,
    currency: 'PEN',
    method: 'cheque',
    allocations: [{ invoiceId: a.id, amount: 10_000 }],
  });
  await core.call('disputes.open', { invoiceId: b.id, openedOn: '2026-11-01', reason: 'Mercadería dañada' });
  return { c, a, b, usd };
}

const terms = { installments: 3, frequency: 'monthly' as const, first: '2026-12-31' };

describe('plans.preview', () => {
  it('covers the overdue balance of one currency as of today, leaving out disputes, future dues and post-dated payments, and saves nothing', async () => {
    const { c, a } = await book();
    const before = snapshot(core);
    const p = await core.call('plans.preview', { clientId: c.id, currency: 'PEN', ...terms });
    expect(p).toMatchObject({ currency: 'PEN', invoiceIds: [a.id], principal: 75_000, downPayment: 0, interest: 0, total: 75_000 });
    expect(p.installments.map((i) => [i.due, i.amount])).toEqual([
      ['2026-12-31', 25_000],
      ['2027-01-31', 25_000],
      ['2027-02-28', 25_000],
    ]);
    expect(snapshot(core)).toEqual(before);
  });

  it('asks for a currency when the client owes in several, and refuses ineligible invoices', async () => {
    const { c, b } = await book();
    const r = await core.dispatch('plans.preview', { clientId: c.id, ...terms });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'validation', message: 'Client C1 owes in several currencies (PEN, USD): choose one for the plan.' });
    const d = await core.dispatch('plans.preview', { clientId: c.id, currency: 'PEN', invoiceIds: [b.id], ...terms });
    expect(d.ok ? null : d.error).toMatchObject({ key: 'error.plan.invoice_not_eligible' });
  });

  it('gives bad terms a clear message in the user’s language', async () => {
    const { c } = await book({ locale: 'es' });
    const msg = async (input: Record<string, unknown>) => {
      const r = await core.dispatch('plans.preview', { clientId: c.id, currency: 'PEN', ...terms, ...input });
      return r.ok ? 'ok' : (r.error.issues?.[0]?.message ?? r.error.message);
    };
    expect(await msg({ installments: 0 })).toBe('El número de cuotas debe ser un entero de 1 a 120.');
    expect(await msg({ annualPct: -1 })).toBe('La tasa de interés anual debe estar entre 0 % y 100 %.');
    expect(await msg({ annualPct: 1000 })).toBe('La tasa de interés anual debe estar entre 0 % y 100 %.');
    expect(await msg({ downPayment: 80_000 })).toMatch(/^La cuota inicial \(.*800,00.*\) debe ser menor que la deuda del plan \(.*750,00.*\)\.$/);
    const unknown = await core.dispatch('plans.preview', { clientId: 999, ...terms });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
  });
});

describe('cartera plan preview', () => {
  it('prints the schedule in minor units with the public JSON shape', async () => {
    await book();
    const file = core.ctx.file;
    await core.close();
    const r = await runCli([
      '--db',
      file,
      '--today',
      '2026-11-20',
      'plan',
      'preview',
      '--client',
      'C1',
      '--currency',
      'PEN',
      '--installments',
      '6',
      '--frequency',
      'monthly',
      '--first',
      '2027-01-31',
      '--down',
      '150.00',
      '--rate',
      '12',
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      currency: string;
      principal: number;
      downPayment: number;
      interest: number;
      fees: number;
      total: number;
      installments: { n: number; due: string; principal: number; interest: number; amount: number }[];
    };
    expect(Object.keys(j)).toEqual(['currency', 'principal', 'downPayment', 'interest', 'fees', 'total', 'installments']);
    expect(j).toMatchObject({ currency: 'PEN', principal: 75_000, downPayment: 15_000, fees: 0 });
    expect(j.installments.map((i) => i.due)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31', '2027-06-30']);
    expect(j.installments.reduce((s, i) => s + i.principal, 0)).toBe(60_000);
    expect(j.installments.reduce((s, i) => s + i.amount, 0) + j.downPayment).toBe(j.total);
    expect(j.installments[0]).toMatchObject({ n: 1, interest: 600 }); // 600.00 × 1 % a month
    core = null as unknown as TestCore;
  });

  it('exits 2 on a usage mistake and 1 on an unknown client, with one line on stderr', async () => {
    await book();
    const file = core.ctx.file;
    await core.close();
    core = null as unknown as TestCore;
    const bad = await runCli(['--db', file, 'plan', 'preview', '--client', 'C1', '--installments', 'x', '--frequency', 'monthly', '--first', '2027-01-31']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cartera: --installments must be a whole number/);
    const none = await runCli([
      '--db',
      file,
      '--lang',
      'en',
      'plan',
      'preview',
      '--client',
      'NOPE',
      '--installments',
      '3',
      '--frequency',
      'monthly',
      '--first',
      '2027-01-31',
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('cartera: Client NOPE does not exist.\n');
  });
});
