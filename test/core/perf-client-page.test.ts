import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import type { Invoice } from '#shared/contract/invoices';
import { freshCore } from '../support/core';

/**
 * A client's page a page at a time (issue #6): invoices open first, then the rest, each by due date then
 * id, newest first; payments newest first; the counts clients.get gives to say "showing 200 of 4,400".
 * Checked against the same order written the obvious way over everything the client has.
 */

/** The order of invoices.listByClient, the slow obvious way. */
const expectedOrder = (all: Invoice[]) =>
  [...all]
    .sort((a, b) => Number(b.openAmount > 0) - Number(a.openAmount > 0) || (a.dueDate < b.dueDate ? 1 : a.dueDate > b.dueDate ? -1 : 0) || b.id - a.id)
    .map((i) => i.id);

describe("a client's page, paged", () => {
  let core: Core & { dir: string };
  let clientId: number;
  let all: Invoice[];
  let paymentIds: number[];

  beforeAll(async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Comercial Andina', paymentTermsDays: 30 });
    const other = await core.call('clients.create', { code: 'C2', name: 'Otro' });
    clientId = c.id;
    // due dates that repeat (ties broken by id) and interleave open and paid invoices, in two currencies
    const created: Invoice[] = [];
    for (let k = 0; k < 23; k++) {
      const issue = `2026-${String(1 + (k % 9)).padStart(2, '0')}-${String(1 + ((k * 7) % 4)).padStart(2, '0')}`;
      created.push(
        await core.call('invoices.create', { clientId, number: `F-${k}`, issueDate: issue, currency: k % 4 === 0 ? 'USD' : 'PEN', amount: 10_000 + k }),
      );
    }
    await core.call('invoices.create', { clientId: other.id, number: 'X-1', issueDate: '2026-05-01', currency: 'PEN', amount: 5_000 });
    // paid in full, partly paid, voided: only open_amount > 0 puts an invoice in the first part
    for (const k of [0, 2, 3, 5, 8, 11, 13, 14, 17, 20])
      await core.call('payments.record', {
        clientId,
        date: '2026-10-01',
        amount: created[k]!.amount,
        currency: created[k]!.currency,
        method: 'cash',
        allocations: [{ invoiceId: created[k]!.id, amount: created[k]!.amount }],
      });
    await core.call('payments.record', {
      clientId,
      date: '2026-10-05',
      amount: 500,
      currency: 'PEN',
      method: 'cash',
      allocations: [{ invoiceId: created[1]!.id, amount: 500 }],
    });
    await core.call('invoices.void', { id: created[6]!.id, reason: 'error' });
    // payments on the same date (ties broken by id), one voided, one left as credit
    await core.call('payments.record', { clientId, date: '2026-10-01', amount: 700, currency: 'PEN', method: 'cash', allocations: [] });
    const voided = await core.call('payments.record', { clientId, date: '2026-11-02', amount: 300, currency: 'PEN', method: 'cash', allocations: [] });
    await core.call('payments.void', { id: voided.id, reason: 'rebotado' });
    await core.call('payments.record', { clientId: other.id, date: '2026-11-03', amount: 100, currency: 'PEN', method: 'cash' });
    all = await core.call('invoices.listByClient', { clientId, limit: 5000 });
    paymentIds = (core.ctx.sqlite.prepare('SELECT id FROM payments WHERE client_id = ? ORDER BY date DESC, id DESC').all(clientId) as { id: number }[]).map(
      (r) => r.id,
    );
  });
  afterAll(async () => {
    await core.close();
    fs.rmSync(core.dir, { recursive: true, force: true });
  });

  it('lists every invoice of the client once: open ones first, each part by due date then id, newest first', () => {
    expect(all).toHaveLength(23);
    expect(all.map((i) => i.id)).toEqual(expectedOrder(all));
    const open = all.filter((i) => i.openAmount > 0).length;
    expect(open).toBe(12); // 23 − 10 paid in full − 1 voided; the partly paid one is still open
    expect(all.slice(0, open).every((i) => i.openAmount > 0)).toBe(true);
    expect(all.slice(open).every((i) => i.openAmount === 0)).toBe(true);
    expect(all.some((i) => i.status === 'voided')).toBe(true);
    expect(all.find((i) => i.openAmount > 0 && i.openAmount < i.amount)).toMatchObject({ status: expect.stringMatching(/partly_paid|overdue/) });
  });

  it('every limit and offset gives the matching slice of that order, across the open/settled boundary', async () => {
    const ids = all.map((i) => i.id);
    for (const limit of [1, 2, 5, 11, 12, 13, 200]) {
      for (let offset = 0; offset <= ids.length + 2; offset++) {
        const page = await core.call('invoices.listByClient', { clientId, limit, offset });
        expect(
          page.map((i) => i.id),
          `limit ${limit} offset ${offset}`,
        ).toEqual(ids.slice(offset, offset + limit));
      }
    }
    // walking the pages gives every invoice once
    const walked: number[] = [];
    for (let offset = 0; ; offset += 4) {
      const page = await core.call('invoices.listByClient', { clientId, limit: 4, offset });
      if (page.length === 0) break;
      walked.push(...page.map((i) => i.id));
    }
    expect(walked).toEqual(ids);
  });

  it('pages carry the same invoice figures as the full list (status, open amount, dispute)', async () => {
    const target = all.find((i) => i.openAmount > 0)!;
    await core.call('disputes.open', { invoiceId: target.id, openedOn: '2026-11-01', reason: 'Mercadería dañada' });
    const page = await core.call('invoices.listByClient', { clientId, limit: 3, offset: all.indexOf(target) });
    expect(page[0]).toEqual({ ...target, status: 'disputed', disputed: true });
  });

  it('payments newest first (date, then id), with their allocations, a page at a time', async () => {
    const full = await core.call('payments.listByClient', { clientId, limit: 5000 });
    expect(full.map((p) => p.id)).toEqual(paymentIds);
    expect(full.every((p) => p.clientId === clientId)).toBe(true);
    expect(full.filter((p) => p.allocations.length > 0)).toHaveLength(11);
    for (const limit of [1, 3, 200])
      for (let offset = 0; offset <= paymentIds.length + 1; offset++)
        expect(await core.call('payments.listByClient', { clientId, limit, offset }), `limit ${limit} offset ${offset}`).toEqual(
          full.slice(offset, offset + limit),
        );
  });

  it('clients.get counts all invoices, the open ones and all payments (voided included, as the lists show them)', async () => {
    const d = await core.call('clients.get', { id: clientId });
    expect(d).toMatchObject({ invoiceCount: 23, openInvoiceCount: 12, paymentCount: paymentIds.length });
    expect(paymentIds.length).toBe(13);
    const fresh = await core.call('clients.create', { code: 'C3', name: 'Nuevo' });
    expect(fresh).toMatchObject({ invoiceCount: 0, openInvoiceCount: 0, paymentCount: 0 });
    expect(await core.call('clients.get', { id: fresh.id })).toMatchObject({ invoiceCount: 0, openInvoiceCount: 0, paymentCount: 0 });
    expect(await core.call('invoices.listByClient', { clientId: fresh.id })).toEqual([]);
    expect(await core.call('invoices.listByClient', { clientId: fresh.id, offset: 10 })).toEqual([]);
    expect(await core.call('payments.listByClient', { clientId: fresh.id })).toEqual([]);
  });

  it('defaults to the first 200, accepts up to 5,000 and refuses a bad page', async () => {
    const big = await core.call('clients.create', { code: 'BIG', name: 'Cuenta clave' });
    for (let k = 0; k < 205; k++)
      await core.call('invoices.create', { clientId: big.id, number: `B-${k}`, issueDate: '2026-10-01', currency: 'PEN', amount: 1_000 });
    const first = await core.call('invoices.listByClient', { clientId: big.id });
    expect(first).toHaveLength(200);
    // same due date everywhere: newest id first
    expect(first.map((i) => i.id)).toEqual([...first.map((i) => i.id)].sort((a, b) => b - a));
    expect(await core.call('invoices.listByClient', { clientId: big.id, offset: 200 })).toHaveLength(5);
    expect((await core.call('clients.get', { id: big.id })).invoiceCount).toBe(205);
    for (const bad of [{ limit: 0 }, { limit: 5001 }, { offset: -1 }, { limit: 1.5 }]) {
      for (const method of ['invoices.listByClient', 'payments.listByClient'] as const) {
        const r = await core.dispatch(method, { clientId: big.id, ...bad });
        expect(r.ok, `${method} ${JSON.stringify(bad)}`).toBe(false);
      }
    }
    expect(await core.call('invoices.listByClient', { clientId: big.id, limit: 5000 })).toHaveLength(205);
    const missing = await core.dispatch('invoices.listByClient', { clientId: 99_999 });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });
});
