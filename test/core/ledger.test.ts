import { afterEach, describe, expect, it } from 'vitest';
import { freshCore, snapshot } from '../support/core';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
let core: TestCore;
afterEach(async () => core?.close());

async function book() {
  core = await freshCore();
  const c = await core.call('clients.create', { code: 'C1', name: 'Comercial Andina', taxId: '20123456789', paymentTermsDays: 30 });
  const older = await core.call('invoices.create', { clientId: c.id, number: 'F-1', issueDate: '2026-08-01', currency: 'PEN', amount: 100_000 });
  const newer = await core.call('invoices.create', { clientId: c.id, number: 'F-2', issueDate: '2026-10-01', currency: 'PEN', amount: 50_000 });
  const usd = await core.call('invoices.create', { clientId: c.id, number: 'F-3', issueDate: '2026-10-05', currency: 'USD', amount: 20_000 });
  return { c, older, newer, usd };
}

describe('clients', () => {
  it('creates, finds by any searchable field ignoring case and accents, and refuses duplicate codes', async () => {
    core = await freshCore();
    await core.call('clients.create', { code: 'C1', name: 'Ferretería Ñandú', phone: '+51 999 111 222', email: 'pagos@nandu.pe' });
    await core.call('clients.create', { code: 'C2', name: 'Textiles Sur' });
    const find = async (search: string) => (await core.call('clients.list', { search })).rows.map((r) => r.code);
    expect(await find('ferreteria nandu')).toEqual(['C1']);
    expect(await find('999 111')).toEqual(['C1']);
    expect(await find('PAGOS@')).toEqual(['C1']);
    expect(await find('c2')).toEqual(['C2']);
    expect(await find('%')).toEqual([]);
    const dup = await core.dispatch('clients.create', { code: 'c1', name: 'Other' });
    expect(dup.ok ? null : dup.error).toMatchObject({ code: 'conflict', message: 'There is already a client with code c1.' });
  });

  it('updates a client, keeps search in step, and records before and after in the audit log', async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Old Name' });
    const u = await core.call('clients.update', { id: c.id, name: 'Nuevo Nombre', paymentTermsDays: 45 });
    expect(u).toMatchObject({ name: 'Nuevo Nombre', paymentTermsDays: 45, code: 'C1' });
    expect((await core.call('clients.list', { search: 'nuevo' })).total).toBe(1);
    const log = core.ctx.sqlite.prepare("SELECT action, before, after FROM audit_log WHERE entity = 'client' ORDER BY id").all() as {
      action: string;
      before: string | null;
      after: string;
    }[];
    expect(log.map((l) => l.action)).toEqual(['create', 'update']);
    expect(JSON.parse(log[1]!.before!).name).toBe('Old Name');
    expect(JSON.parse(log[1]!.after).name).toBe('Nuevo Nombre');
  });

  it('answers an unknown id with not_found', async () => {
    core = await freshCore();
    const r = await core.dispatch('clients.get', { id: 999 });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'not_found', message: 'Client 999 does not exist.' });
  });
});

describe('invoices and payments', () => {
  it('defaults the due date from the client terms and refuses duplicate numbers per client', async () => {
    const { c, older } = await book();
    expect(older.dueDate).toBe('2026-08-31');
    const dup = await core.dispatch('invoices.create', { clientId: c.id, number: 'F-1', issueDate: '2026-09-01', currency: 'PEN', amount: 1 });
    expect(dup.ok ? null : dup.error.code).toBe('conflict');
    const bad = await core.dispatch('invoices.create', {
      clientId: c.id,
      number: 'F-9',
      issueDate: '2026-09-10',
      dueDate: '2026-09-01',
      currency: 'PEN',
      amount: 1,
    });
    expect(bad.ok ? null : bad.error.issues?.[0]?.path).toBe('dueDate');
  });

  it('applies a payment oldest due first, keeps the rest as credit, and never touches another currency', async () => {
    const { c, older, newer, usd } = await book();
    const p = await core.call('payments.record', {
      clientId: c.id,
      date: '2026-11-10',
      amount: 170_000,
      currency: 'PEN',
      method: 'transfer',
      reference: 'OP-1',
    });
    expect(p.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([
      [older.id, 100_000],
      [newer.id, 50_000],
    ]);
    expect(p.unapplied).toBe(20_000);
    const detail = await core.call('clients.get', { id: c.id });
    expect(detail.balances).toEqual([
      { currency: 'PEN', open: 0, overdue: 0, credit: 20_000, maxDaysOverdue: 0, disputed: 0, postDated: [] },
      { currency: 'USD', open: 20_000, overdue: 20_000, credit: 0, maxDaysOverdue: 16, disputed: 0, postDated: [] }, // due 2026-11-04
    ]);
    const invoices = await core.call('invoices.listByClient', { clientId: c.id });
    expect(invoices.find((i) => i.id === usd.id)).toMatchObject({ status: 'overdue', openAmount: 20_000 });
    expect(invoices.find((i) => i.id === older.id)).toMatchObject({ status: 'paid', openAmount: 0 });
  });

  it('refuses an allocation above the open balance, naming the invoice, and writes nothing', async () => {
    const { c, newer } = await book();
    const before = snapshot(core);
    const r = await core.dispatch('payments.record', {
      clientId: c.id,
      date: '2026-11-10',
      amount: 60_000,
      currency: 'PEN',
      method: 'cash',
      allocations: [{ invoiceId: newer.id, amount: 60_000 }],
    });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'invalid_state', key: 'error.allocation.exceeds_open' });
    expect(r.ok ? '' : r.error.message).toContain('F-2');
    expect(snapshot(core)).toEqual(before);
    const cross = await core.dispatch('payments.record', {
      clientId: c.id,
      date: '2026-11-10',
      amount: 100,
      currency: 'USD',
      method: 'cash',
      allocations: [{ invoiceId: newer.id, amount: 100 }],
    });
    expect(cross.ok ? null : cross.error.key).toBe('error.invoice.currency_mismatch');
  });

  it('voids a payment with a reason: allocations undone, invoices reopen, audit kept, nothing deleted', async () => {
    const { c, older } = await book();
    const p = await core.call('payments.record', {
      clientId: c.id,
      date: '2026-11-10',
      amount: 30_000,
      currency: 'PEN',
      method: 'yape',
      allocations: [{ invoiceId: older.id, amount: 30_000 }],
    });
    expect((await core.call('clients.get', { id: c.id })).balances[0]!.open).toBe(120_000);
    const v = await core.call('payments.void', { id: p.id, reason: 'Cheque rebotado' });
    expect(v).toMatchObject({ voidReason: 'Cheque rebotado', allocations: [], unapplied: 0 });
    expect(v.voidedAt).not.toBeNull();
    expect((await core.call('clients.get', { id: c.id })).balances[0]!.open).toBe(150_000);
    expect(core.ctx.sqlite.prepare('SELECT count(*) n FROM payment_allocations').get()).toEqual({ n: 1 });
    const again = await core.dispatch('payments.void', { id: p.id, reason: 'twice' });
    expect(again.ok ? null : again.error.code).toBe('invalid_state');
    expect(() => core.ctx.sqlite.prepare('DELETE FROM payments').run()).toThrow(/never deleted/);
    expect(() => core.ctx.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
