import { afterEach, describe, expect, it } from 'vitest';
import { freshCore } from '../support/core';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
let core: TestCore;
afterEach(async () => core?.close());

const TODAY = '2026-11-20';

/** Two invoices, one payment made, one deferred cheque dated next month (allocated, oldest first). */
async function bookWithPostDated() {
  core = await freshCore({ today: TODAY });
  const c = await core.call('clients.create', { code: 'C1', name: 'Comercial Andina', paymentTermsDays: 30 });
  await core.call('invoices.create', { clientId: c.id, number: 'F-1', issueDate: '2026-08-01', currency: 'PEN', amount: 100_000 });
  await core.call('invoices.create', { clientId: c.id, number: 'F-2', issueDate: '2026-10-15', currency: 'PEN', amount: 50_000 });
  await core.call('payments.record', { clientId: c.id, date: '2026-11-01', amount: 30_000, currency: 'PEN', method: 'transfer' });
  await core.call('payments.record', { clientId: c.id, date: '2026-12-15', amount: 80_000, currency: 'PEN', method: 'cheque' });
  return c;
}

async function agingTotal(code: string): Promise<number> {
  const r = await core.call('aging.report', { asOf: TODAY });
  return r.clients.filter((l) => l.code === code && l.currency === 'PEN').reduce((s, l) => s + l.total, 0);
}

describe('balances shown today follow the aging rule', () => {
  it('the client page balance equals aging as of today; the deferred cheque is shown apart with its date', async () => {
    const c = await bookWithPostDated();
    const detail = await core.call('clients.get', { id: c.id });
    const pen = detail.balances.find((b) => b.currency === 'PEN')!;
    expect(pen.open).toBe(120_000);
    expect(pen.open).toBe(await agingTotal('C1'));
    expect(pen.postDated).toEqual([{ date: '2026-12-15', amount: 80_000 }]);
    // both are past due (F-2 on 2026-11-14): the deferred cheque does not make them current
    expect(pen.overdue).toBe(120_000);
    // the client's invoice lines add up to the same figure, the cheque shown on the invoice it went to
    const invoices = await core.call('invoices.listByClient', { clientId: c.id });
    expect(invoices.reduce((s, i) => s + i.openToday, 0)).toBe(pen.open);
    const f1 = invoices.find((i) => i.number === 'F-1')!;
    expect(f1).toMatchObject({ openAmount: 0, openToday: 70_000, postDated: 70_000, status: 'overdue' });
    const listed = await core.call('invoices.list', { clientId: c.id });
    expect(listed.rows.reduce((s, i) => s + i.openToday, 0)).toBe(pen.open);
  });

  it('the client list shows the same figures, and sorts and filters by them', async () => {
    const c = await bookWithPostDated();
    const other = await core.call('clients.create', { code: 'C2', name: 'Textiles Sur' });
    await core.call('invoices.create', { clientId: other.id, number: 'T-1', issueDate: '2026-09-01', currency: 'PEN', amount: 110_000 });
    const list = await core.call('clients.list', { sort: 'balance' });
    expect(list.rows.map((r) => r.code)).toEqual(['C1', 'C2']);
    expect(list.rows[0]!.balances[0]).toMatchObject({ open: 120_000, postDated: [{ date: '2026-12-15', amount: 80_000 }] });
    const overdue = await core.call('clients.list', { overdueOnly: true });
    expect(overdue.rows.map((r) => r.id)).toEqual([c.id, other.id]);
  });

  it('a post-dated unapplied payment is not credit yet', async () => {
    core = await freshCore({ today: TODAY });
    const c = await core.call('clients.create', { code: 'C1', name: 'Comercial Andina' });
    await core.call('payments.record', { clientId: c.id, date: '2026-12-01', amount: 5_000, currency: 'PEN', method: 'cheque' });
    const pen = (await core.call('clients.get', { id: c.id })).balances[0]!;
    expect(pen).toMatchObject({ open: 0, credit: 0, postDated: [{ date: '2026-12-01', amount: 5_000 }] });
  });

  it('disputed amounts are shown apart and not counted as overdue', async () => {
    core = await freshCore({ today: TODAY });
    const c = await core.call('clients.create', { code: 'C1', name: 'Comercial Andina', paymentTermsDays: 30 });
    const a = await core.call('invoices.create', { clientId: c.id, number: 'F-1', issueDate: '2026-08-01', currency: 'PEN', amount: 100_000 });
    const b = await core.call('invoices.create', { clientId: c.id, number: 'F-2', issueDate: '2026-08-02', currency: 'PEN', amount: 40_000 });
    await core.call('disputes.open', { invoiceId: a.id, openedOn: '2026-11-01', reason: 'Mercadería dañada', amount: 25_000 });
    await core.call('disputes.open', { invoiceId: b.id, openedOn: '2026-11-01', reason: 'No recibida' });
    const pen = (await core.call('clients.get', { id: c.id })).balances[0]!;
    expect(pen).toMatchObject({ open: 140_000, disputed: 65_000, overdue: 75_000 });
  });
});
