import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '#core/app';
import { fixedClock } from '#shared/domain/dates';

/** A fresh, migrated database file in a temp folder, with a fixed clock (2026-11-20, noon UTC). */
export async function freshCore(opts: { today?: string; locale?: string } = {}): Promise<Core & { dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-test-'));
  const core = await openCore(path.join(dir, 'cartera.sqlite'), {
    clock: fixedClock(`${opts.today ?? '2026-11-20'}T12:00:00.000Z`),
    locale: opts.locale ?? 'en',
  });
  return Object.assign(core, { dir });
}

/** A client with one invoice, the smallest useful book. */
export async function clientWithInvoice(core: Core, amount = 100_000, currency = 'PEN') {
  const client = await core.call('clients.create', { code: 'C1', name: 'Comercial Andina S.A.C.', paymentTermsDays: 30 });
  const invoice = await core.call('invoices.create', { clientId: client.id, number: 'F001-1', issueDate: '2026-09-01', currency, amount });
  return { client, invoice };
}

/** Every row of every table, for "nothing changed" assertions. */
export function snapshot(core: Core): Record<string, unknown[]> {
  const tables = (core.ctx.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, core.ctx.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}
