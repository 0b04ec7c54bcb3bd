import { afterEach, describe, expect, it } from 'vitest';
import { freshCore, snapshot } from '../support/core';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
let core: TestCore;
afterEach(async () => core?.close());

/** Three clients with PEN and USD invoices at different ages (today is 2026-11-20). */
async function portfolio() {
  core = await freshCore();
  const a = await core.call('clients.create', { code: 'A1', name: 'Alfa', segment: 'Retail' });
  const b = await core.call('clients.create', { code: 'B2', name: 'Beta', segment: 'Mayorista', doNotContact: true });
  const g = await core.call('clients.create', { code: 'G3', name: 'Gamma', segment: 'Retail' });
  const inv = (clientId: number, number: string, issueDate: string, currency: string, amount: number) =>
    core.call('invoices.create', { clientId, number, issueDate, dueDate: issueDate, currency, amount });
  await inv(a.id, '1', '2026-11-10', 'PEN', 10_000); // 10 days overdue
  await inv(b.id, '11', '2026-06-01', 'PEN', 5_000); // 172 days overdue
  await inv(b.id, '12', '2026-11-25', 'PEN', 1_000); // not due yet (issued in the future of today's date is allowed)
  await inv(g.id, '21', '2026-12-01', 'USD', 90_000); // not due
  return { a, b, g };
}

describe('client list filters and sorting', () => {
  it('filters by segment, currency, overdue and do-not-contact, and sorts by balance or days overdue', async () => {
    await portfolio();
    const codes = async (input: Parameters<typeof core.call<'clients.list'>>[1]) => (await core.call('clients.list', input)).rows.map((r) => r.code);
    expect(await codes({ segment: 'Retail' })).toEqual(['A1', 'G3']);
    expect(await codes({ currency: 'USD' })).toEqual(['G3']);
    expect(await codes({ overdueOnly: true })).toEqual(['A1', 'B2']);
    expect(await codes({ doNotContact: true })).toEqual(['B2']);
    expect(await codes({ sort: 'balance' })).toEqual(['A1', 'B2', 'G3']); // PEN (default currency): 10,000 > 6,000 > 0
    expect(await codes({ sort: 'balance', currency: 'USD' })).toEqual(['G3']);
    expect(await codes({ sort: 'daysOverdue' })).toEqual(['B2', 'A1', 'G3']);
    expect(await codes({ sort: 'daysOverdue', dir: 'asc' })).toEqual(['G3', 'A1', 'B2']);
    expect((await core.call('clients.list', { overdueOnly: true, limit: 1 })).total).toBe(2);
    expect(await core.call('clients.segments', {})).toEqual(['Mayorista', 'Retail']);
  });
});

describe('contacts', () => {
  it('adds several contacts with a preferred channel, edits and removes them, with an audit trail', async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Andina' });
    const ana = await core.call('contacts.create', {
      clientId: c.id,
      name: 'Ana Quispe',
      role: 'Tesorería',
      whatsapp: '+51 999 000 111',
      preferredChannel: 'whatsapp',
    });
    await core.call('contacts.create', { clientId: c.id, name: 'Luis Rojas', email: 'luis@andina.pe', preferredChannel: 'email' });
    expect((await core.call('clients.get', { id: c.id })).contacts.map((x) => [x.name, x.preferredChannel])).toEqual([
      ['Ana Quispe', 'whatsapp'],
      ['Luis Rojas', 'email'],
    ]);
    expect(await core.call('contacts.update', { id: ana.id, phone: '01 555 1234' })).toMatchObject({
      name: 'Ana Quispe',
      phone: '01 555 1234',
      whatsapp: '+51 999 000 111',
    });
    await core.call('contacts.remove', { id: ana.id });
    expect((await core.call('clients.get', { id: c.id })).contacts).toHaveLength(1);
    const bad = await core.dispatch('contacts.create', { clientId: c.id, name: 'X', email: 'not-an-email' });
    expect(bad.ok ? null : bad.error.issues?.[0]?.path).toBe('email');
    const actions = core.ctx.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'contact' ORDER BY id").all();
    expect(actions).toEqual([{ action: 'create' }, { action: 'create' }, { action: 'update' }, { action: 'remove' }]);
  });
});

describe('invoice editing, voiding and receipt', () => {
  it('edits freely while unpaid, but never below what was applied or into another currency once paid', async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Andina' });
    const inv = await core.call('invoices.create', { clientId: c.id, number: '7', issueDate: '2026-10-01', currency: 'PEN', amount: 10_000 });
    expect(await core.call('invoices.update', { id: inv.id, amount: 12_000, description: 'Corrected' })).toMatchObject({
      amount: 12_000,
      openAmount: 12_000,
      description: 'Corrected',
    });
    await core.call('payments.record', { clientId: c.id, date: '2026-10-15', amount: 8_000, currency: 'PEN', method: 'cash' });
    const before = snapshot(core);
    const low = await core.dispatch('invoices.update', { id: inv.id, amount: 7_999 });
    expect(low.ok ? null : low.error.key).toBe('error.invoice.amount_below_applied');
    const cur = await core.dispatch('invoices.update', { id: inv.id, currency: 'USD' });
    expect(cur.ok ? null : cur.error.key).toBe('error.invoice.currency_locked');
    expect(snapshot(core)).toEqual(before);
    expect(await core.call('invoices.update', { id: inv.id, amount: 8_000 })).toMatchObject({ openAmount: 0, status: 'paid' });
  });

  it('voids only an invoice with nothing applied, and a voided invoice leaves balances and aging', async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Andina' });
    const inv = await core.call('invoices.create', { clientId: c.id, number: '7', issueDate: '2026-10-01', currency: 'PEN', amount: 10_000 });
    const p = await core.call('payments.record', { clientId: c.id, date: '2026-10-15', amount: 1_000, currency: 'PEN', method: 'cash' });
    const refused = await core.dispatch('invoices.void', { id: inv.id, reason: 'Duplicated' });
    expect(refused.ok ? null : refused.error.key).toBe('error.invoice.has_payments');
    await core.call('payments.void', { id: p.id, reason: 'Applied to the wrong invoice' });
    expect(await core.call('invoices.void', { id: inv.id, reason: 'Duplicated' })).toMatchObject({ status: 'voided', openAmount: 0, voidReason: 'Duplicated' });
    expect((await core.call('clients.get', { id: c.id })).balances).toEqual([]);
    expect((await core.call('aging.report', { asOf: '2026-11-20' })).totals).toEqual([]);
    expect((await core.call('invoices.list', { status: 'voided' })).rows.map((r) => r.number)).toEqual(['7']);
  });

  it('records and clears the receipt-confirmed date', async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Andina' });
    const inv = await core.call('invoices.create', { clientId: c.id, number: '7', issueDate: '2026-10-01', currency: 'PEN', amount: 10_000 });
    expect((await core.call('invoices.confirmReceipt', { id: inv.id, date: '2026-10-03' })).receiptConfirmedOn).toBe('2026-10-03');
    expect((await core.call('invoices.confirmReceipt', { id: inv.id, date: null })).receiptConfirmedOn).toBeNull();
  });
});

describe('credit notes and disputes', () => {
  it('reduces the balance from the credit note date on, and voiding it restores the balance', async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Andina' });
    const inv = await core.call('invoices.create', {
      clientId: c.id,
      number: '7',
      issueDate: '2026-09-01',
      dueDate: '2026-09-30',
      currency: 'PEN',
      amount: 10_000,
    });
    const cn = await core.call('creditNotes.create', { invoiceId: inv.id, number: 'NC-1', date: '2026-10-10', amount: 2_500, reason: 'Devolución' });
    expect(cn).toMatchObject({ invoiceNumber: '7', currency: 'PEN', amount: 2_500 });
    const total = async (asOf: string) => (await core.call('aging.report', { asOf })).totals[0]?.total ?? 0;
    expect(await total('2026-10-09')).toBe(10_000);
    expect(await total('2026-10-10')).toBe(7_500);
    const tooMuch = await core.dispatch('creditNotes.create', { invoiceId: inv.id, number: 'NC-2', date: '2026-10-11', amount: 7_501 });
    expect(tooMuch.ok ? null : tooMuch.error.key).toBe('error.allocation.exceeds_open');
    const early = await core.dispatch('creditNotes.create', { invoiceId: inv.id, number: 'NC-3', date: '2026-08-01', amount: 1 });
    expect(early.ok ? null : early.error.key).toBe('error.credit_note.before_issue');
    await core.call('creditNotes.void', { id: cn.id, reason: 'Issued by mistake' });
    expect(await total('2026-11-20')).toBe(10_000);
    expect((await core.call('creditNotes.listByClient', { clientId: c.id }))[0]).toMatchObject({ voidReason: 'Issued by mistake' });
  });

  it('shows an invoice as disputed until the dispute is resolved', async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Andina' });
    const inv = await core.call('invoices.create', { clientId: c.id, number: '7', issueDate: '2026-09-01', currency: 'PEN', amount: 10_000 });
    const d = await core.call('disputes.open', { invoiceId: inv.id, openedOn: '2026-11-01', reason: 'Mercadería dañada' });
    expect((await core.call('invoices.listByClient', { clientId: c.id }))[0]).toMatchObject({ status: 'disputed', disputed: true });
    expect((await core.call('invoices.list', { status: 'disputed' })).total).toBe(1);
    const twice = await core.dispatch('disputes.open', { invoiceId: inv.id, openedOn: '2026-11-02', reason: 'again' });
    expect(twice.ok ? null : twice.error.code).toBe('conflict');
    await core.call('disputes.resolve', { id: d.id, resolvedOn: '2026-11-15', outcome: 'rejected', resolution: 'Photos show goods arrived intact' });
    expect((await core.call('invoices.listByClient', { clientId: c.id }))[0]).toMatchObject({ status: 'overdue', disputed: false });
  });
});

describe('client credit and payment methods', () => {
  it('keeps an overpayment as credit and applies it later, dated when applied', async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Andina' });
    const p = await core.call('payments.record', {
      clientId: c.id,
      date: '2026-10-01',
      amount: 30_000,
      currency: 'PEN',
      method: 'transfer',
      reference: 'ADV-1',
    });
    expect(p).toMatchObject({ unapplied: 30_000, allocations: [] });
    const inv = await core.call('invoices.create', {
      clientId: c.id,
      number: '9',
      issueDate: '2026-10-05',
      dueDate: '2026-10-20',
      currency: 'PEN',
      amount: 20_000,
    });
    const applied = await core.call('payments.applyCredit', { paymentId: p.id, date: '2026-10-25' });
    expect(applied.unapplied).toBe(10_000);
    expect(applied.allocations).toMatchObject([{ invoiceId: inv.id, amount: 20_000, date: '2026-10-25' }]);
    expect((await core.call('aging.report', { asOf: '2026-10-24' })).totals[0]?.buckets).toEqual([0, 20_000, 0, 0, 0, 0]);
    expect((await core.call('aging.report', { asOf: '2026-10-25' })).totals).toEqual([]);
    const none = await core.dispatch('payments.applyCredit', { paymentId: p.id, date: '2026-10-26' });
    expect(none.ok ? null : none.error.key).toBe('error.payment.nothing_to_apply');
    expect((await core.call('clients.get', { id: c.id })).balances).toEqual([
      { currency: 'PEN', open: 0, overdue: 0, credit: 10_000, maxDaysOverdue: 0, disputed: 0, postDated: [] },
    ]);
  });

  it('lets the user add methods of their own, beside the built-in ones', async () => {
    core = await freshCore();
    const m = await core.call('payments.setMethods', { custom: ['Tunki', 'tunki', 'cash', ' Nequi '] });
    expect(m.custom).toEqual(['Tunki', 'Nequi']);
    expect(m.builtin).toContain('yape');
    expect((await core.call('payments.methods', {})).custom).toEqual(['Tunki', 'Nequi']);
  });
});

describe('client risk', () => {
  it('is graded from the balances on the client page and in the list', async () => {
    await portfolio();
    const risk = async (code: string) => (await core.call('clients.list', { search: code })).rows[0]!.risk;
    expect(await risk('A1')).toBe('medium'); // all of its balance is late, 10 days
    expect(await risk('B2')).toBe('high'); // 172 days late
    expect(await risk('G3')).toBe('low'); // owes, nothing late
    const b2 = (await core.call('clients.list', { search: 'B2' })).rows[0]!;
    expect((await core.call('clients.get', { id: b2.id })).risk).toBe('high');
  });
});
