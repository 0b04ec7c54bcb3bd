import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshCore } from '../../support/core';
import { runCli } from '../../support/cli';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
let core: TestCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Today 2026-11-20. 12 % a year and a 15.00 fee on PEN. */
async function book() {
  const c0 = await freshCore({ locale: 'es-PE' });
  core = c0;
  await c0.call('settings.update', { name: 'Distribuidora Ñuñoa S.A.C.', taxId: '20512345678' });
  const policy = await c0.call('policy.get', {});
  await c0.call('policy.set', {
    policy: { ...policy, lateInterest: { PEN: { annualPct: 12, fee: 1_500 } }, paymentMethods: [{ name: 'BCP', instructions: 'Cta. cte. 191-1234567-0-12' }] },
  });
  const c = await c0.call('clients.create', { code: 'C1', name: 'Ferretería Ñandú E.I.R.L.', taxId: '20600000001' });
  const a = await c0.call('invoices.create', {
    clientId: c.id,
    number: 'F001-101',
    issueDate: '2026-08-01',
    dueDate: '2026-09-01',
    currency: 'PEN',
    amount: 100_000,
  });
  const b = await c0.call('invoices.create', {
    clientId: c.id,
    number: 'F001-102',
    issueDate: '2026-09-15',
    dueDate: '2026-10-15',
    currency: 'PEN',
    amount: 50_000,
  });
  const d = await c0.call('invoices.create', {
    clientId: c.id,
    number: 'F001-103',
    issueDate: '2026-09-20',
    dueDate: '2026-10-20',
    currency: 'PEN',
    amount: 20_000,
  });
  await c0.call('invoices.create', { clientId: c.id, number: 'F001-104', issueDate: '2026-11-10', dueDate: '2026-12-10', currency: 'PEN', amount: 9_900 });
  // partial payments at different dates: 400.00 on 1 Oct against F001-101, 100.00 on 1 Nov against F001-102
  await c0.call('payments.record', {
    clientId: c.id,
    date: '2026-10-01',
    amount: 40_000,
    currency: 'PEN',
    method: 'transfer',
    allocations: [{ invoiceId: a.id, amount: 40_000 }],
  });
  await c0.call('payments.record', {
    clientId: c.id,
    date: '2026-11-01',
    amount: 10_000,
    currency: 'PEN',
    method: 'transfer',
    allocations: [{ invoiceId: b.id, amount: 10_000 }],
  });
  await c0.call('disputes.open', { invoiceId: d.id, openedOn: '2026-11-01', reason: 'Cantidad errada' });
  return { c, a, b };
}

/** The rule of the issue, written out independently: Σ over late days of the end-of-day balance × rate / 365. */
function expectedInterest(amount: number, due: string, payments: [string, number][], asOf: string, pct: number): number {
  let sum = 0;
  for (let t = Date.parse(due) + 86_400_000; t <= Date.parse(asOf); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    sum += payments.reduce((o, [d, v]) => (d <= day ? o - v : o), amount);
  }
  return Math.round((sum * pct) / 100 / 365);
}

describe('cartera letter', () => {
  it('states the overdue balance, interest day by day on what was open, fees and their total, as the ledger says', async () => {
    await book();
    const file = core!.ctx.file;
    await core!.close();
    core = null;
    const out = path.join(path.dirname(file), 'reminder.pdf');
    const r = await runCli(['--db', file, '--today', '2026-11-20', 'letter', '--client', 'C1', '--kind', 'first_reminder', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      clientCode: string;
      currency: string;
      date: string;
      annualPct: number;
      overdue: number;
      interest: number;
      fees: number;
      total: number;
      invoices: { number: string; balance: number; daysLate: number; interest: number; fee: number }[];
    };
    const i101 = expectedInterest(100_000, '2026-09-01', [['2026-10-01', 40_000]], '2026-11-20', 12);
    const i102 = expectedInterest(50_000, '2026-10-15', [['2026-11-01', 10_000]], '2026-11-20', 12);
    expect(j).toMatchObject({ clientCode: 'C1', currency: 'PEN', date: '2026-11-20', annualPct: 12, overdue: 100_000, fees: 3_000 });
    expect(j.invoices).toEqual([
      { number: 'F001-101', balance: 60_000, daysLate: 80, interest: i101, fee: 1_500 },
      { number: 'F001-102', balance: 40_000, daysLate: 36, interest: i102, fee: 1_500 },
    ]);
    expect(j.interest).toBe(i101 + i102);
    expect(j.total).toBe(100_000 + i101 + i102 + 3_000);

    const text = pdfText(out);
    expect(text).toContain('Distribuidora Ñuñoa S.A.C.');
    expect(text).toContain('Ferretería Ñandú E.I.R.L.');
    for (const n of ['F001-101', 'F001-102']) expect(text).toContain(n);
    expect(text).not.toMatch(/F001-104/); // not yet due
    expect(text).toMatch(/en disputa: F001-103/); // disputed: stated apart, not demanded
    const money = (v: number) => (v / 100).toLocaleString('es-PE', { minimumFractionDigits: 2 });
    for (const v of [60_000, 40_000, i101, i102, j.total]) expect(text).toContain(money(v));
    expect(text).toContain('Cta. cte. 191-1234567-0-12');

    // the exact bytes are kept and show on the client's timeline
    const core2 = await freshCoreAt(file);
    const doc = core2.ctx.sqlite.prepare('SELECT kind, template_key, sha256, length(content) AS n FROM documents').get() as {
      kind: string;
      template_key: string;
      sha256: string;
      n: number;
    };
    expect(doc).toMatchObject({ kind: 'letter', template_key: 'letter.first_reminder', n: fs.statSync(out).size });
    await core2.close();
  });

  it('refuses a demand when nothing is overdue and a no-debt certificate while something is owed', async () => {
    await book();
    const file = core!.ctx.file;
    await core!.close();
    core = null;
    const out = path.join(path.dirname(file), 'x.pdf');
    const early = await runCli([
      '--db',
      file,
      '--today',
      '2026-11-20',
      '--lang',
      'en',
      'letter',
      '--client',
      'C1',
      '--kind',
      'final_notice',
      '--date',
      '2026-08-15',
      '--out',
      out,
    ]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/owes nothing overdue/);
    const nodebt = await runCli(['--db', file, '--today', '2026-11-20', 'letter', '--client', 'C1', '--kind', 'no_debt', '--out', out]);
    expect(nodebt.code).toBe(1);
    expect(nodebt.stderr).toMatch(/no se puede emitir una constancia de no adeudo/);
    const help = await runCli(['letter', '--help']);
    expect(help.stdout).toContain('pre_legal');
  });
});

async function freshCoreAt(file: string) {
  const { openCore } = await import('#core/app');
  const { fixedClock } = await import('#shared/domain/dates');
  return openCore(file, { clock: fixedClock('2026-11-20T12:00:00.000Z') });
}

describe('cartera statement', () => {
  it('brings the balance forward, lists the period’s movements, and ages the closing balance so the buckets add up to it', async () => {
    await book();
    const c0 = core!;
    // a payment not applied to any invoice: credit that the aging cannot place in a bucket
    await c0.call('payments.record', {
      clientId: (await c0.call('clients.list', {})).rows[0]!.id,
      date: '2026-11-05',
      amount: 5_000,
      currency: 'PEN',
      method: 'cash',
      allocations: [],
    });
    const file = c0.ctx.file;
    await c0.close();
    core = null;
    const out = path.join(path.dirname(file), 'statement.pdf');
    const r = await runCli(['--db', file, '--today', '2026-11-20', 'statement', '--client', 'C1', '--from', '2026-09-01', '--to', '2026-11-20', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const core2 = await freshCoreAt(file);
    const s = await core2.call('statements.generate', { clientId: 1, from: '2026-09-01', to: '2026-11-20' });
    await core2.close();
    const pen = s.currencies.find((x) => x.currency === 'PEN')!;
    // before Sep: F001-101 (1,000.00). In the period: +500 +200 +99 invoices, −400 −100 −50 payments
    expect(pen.broughtForward).toBe(100_000);
    expect(pen.closing).toBe(100_000 + 50_000 + 20_000 + 9_900 - 40_000 - 10_000 - 5_000);
    expect(pen.aging.reduce((a, b) => a + b, 0) + pen.unapplied).toBe(pen.closing);
    expect(pen.unapplied).toBe(-5_000);
    const text = pdfText(out);
    expect(text).toContain('Saldo anterior');
    expect(text).toContain('Saldo final');
    for (const n of ['F001-102', 'F001-103', 'F001-104']) expect(text).toContain(n);
    expect(text).toContain('Saldo a favor sin aplicar');
  });
});
