import { describe, expect, it } from 'vitest';
import { MAX_CENTS } from '#shared/domain/money';
import { freshCore } from '../../support/core';
import { csv } from '../../fixtures/imports/book';
import { runImport } from '../imports/helpers';

/**
 * Issue 10 item 11: with 101 maximal invoices the grand total was 2 cents off (past 2^53). A book's
 * per-currency total is now capped at Number.MAX_SAFE_INTEGER, so every total shown is exact.
 */
describe('money totals past 2^53', () => {
  it('refuses the invoice that would make a currency total inexact; every total shown stays exact', async () => {
    const core = await freshCore();
    const client = await core.call('clients.create', { code: 'C1', name: 'Grande' });
    const accepted: number[] = [];
    let refusal = null;
    for (let k = 0; k < 101; k++) {
      const amount = MAX_CENTS - k; // distinct odd/even cents, so a lost cent shows
      const r = await core.dispatch('invoices.create', { clientId: client.id, number: `F-${k}`, issueDate: '2026-09-01', currency: 'PEN', amount });
      if (r.ok) accepted.push(amount);
      else refusal ??= r.error;
    }
    expect(accepted.length).toBe(90); // 90 × MAX_CENTS < 2^53 < 91 × MAX_CENTS
    expect(refusal).toMatchObject({ key: 'error.money.total_too_large', message: expect.stringContaining('PEN') });
    expect((await core.call('system.info', {})).counts.invoices).toBe(90);
    const exact = accepted.reduce((s, a) => s + BigInt(a), 0n);
    const summary = await core.call('aging.summary', { asOf: '2026-11-20', by: 'currency' } as never);
    expect(JSON.stringify(summary)).toContain(`"total":${exact}`);
    await core.close();
  });

  it('an import that would pass the cap is refused whole', async () => {
    const core = await freshCore();
    await core.call('clients.create', { code: 'C1', name: 'Grande' });
    const rows = [['client_code', 'series', 'number', 'issue_date', 'due_date', 'currency', 'amount']];
    for (let k = 0; k < 101; k++) rows.push(['C1', 'F', String(k + 1), '2026-01-10', '2026-02-09', 'PEN', '999999999999.99']);
    const r = await runImport(core, 'invoices', csv(rows));
    expect(r.error?.key).toBe('error.money.total_too_large');
    expect((await core.call('system.info', {})).counts.invoices).toBe(0);
    await core.close();
  });
});
