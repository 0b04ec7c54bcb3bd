import { afterEach, describe, expect, it } from 'vitest';
import { freshCore } from '../support/core';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
let core: TestCore;
afterEach(async () => core?.close());

/** Soles owed by one client, dollars (more, and older) by another; the company's currency is PEN. */
async function twoCurrencies() {
  core = await freshCore({ today: '2026-11-20' });
  const pen = await core.call('clients.create', { code: 'P1', name: 'Andina Soles', paymentTermsDays: 30 });
  const usd = await core.call('clients.create', { code: 'U1', name: 'Miami Dollars', paymentTermsDays: 30 });
  const none = await core.call('clients.create', { code: 'N1', name: 'Nada Debe' });
  await core.call('invoices.create', { clientId: pen.id, number: 'F-1', issueDate: '2026-10-01', currency: 'PEN', amount: 10_000 });
  await core.call('invoices.create', { clientId: usd.id, number: 'F-2', issueDate: '2026-06-01', currency: 'USD', amount: 90_000 });
  return { pen, usd, none };
}

describe('client list with several currencies', () => {
  it('"overdue" with any currency keeps clients whose overdue debt is in another currency', async () => {
    const { pen, usd } = await twoCurrencies();
    const any = await core.call('clients.list', { overdueOnly: true });
    expect(any.rows.map((r) => r.id).sort()).toEqual([pen.id, usd.id].sort());
    const soles = await core.call('clients.list', { overdueOnly: true, currency: 'PEN' });
    expect(soles.rows.map((r) => r.id)).toEqual([pen.id]);
  });

  it('balance sorts rank by the chosen currency and say which one', async () => {
    const { pen, usd } = await twoCurrencies();
    const byDefault = await core.call('clients.list', { sort: 'balance' });
    expect(byDefault.sortCurrency).toBe('PEN');
    expect(byDefault.rows[0]!.id).toBe(pen.id);
    const byUsd = await core.call('clients.list', { sort: 'balance', sortCurrency: 'USD' });
    expect(byUsd.sortCurrency).toBe('USD');
    expect(byUsd.rows[0]!.id).toBe(usd.id);
    const late = await core.call('clients.list', { sort: 'daysOverdue', sortCurrency: 'USD' });
    expect(late.rows[0]!.id).toBe(usd.id);
    expect((await core.call('clients.list', {})).sortCurrency).toBeNull();
  });
});

describe('invoice list', () => {
  it('sorts the most overdue first, open ones before settled and voided', async () => {
    core = await freshCore({ today: '2026-11-20' });
    const c = await core.call('clients.create', { code: 'C1', name: 'Andina', paymentTermsDays: 0 });
    const mk = (number: string, issueDate: string) => core.call('invoices.create', { clientId: c.id, number, issueDate, currency: 'PEN', amount: 1_000 });
    await mk('PAID-OLD', '2024-01-10');
    await mk('LATE-10', '2026-11-10');
    await mk('LATE-100', '2026-08-12');
    await mk('NOT-DUE', '2026-11-25');
    await core.call('payments.record', {
      clientId: c.id,
      date: '2024-02-01',
      amount: 1_000,
      currency: 'PEN',
      method: 'cash',
      allocations: [{ invoiceId: 1, amount: 1_000 }],
    });
    const r = await core.call('invoices.list', { sort: 'daysOverdue', dir: 'desc' });
    expect(r.rows.map((x) => x.number)).toEqual(['LATE-100', 'LATE-10', 'NOT-DUE', 'PAID-OLD']);
  });
});
