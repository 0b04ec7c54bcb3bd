import { describe, expect, it } from 'vitest';
import { operations } from '#shared/contract/index';
import { freshCore } from '../../support/core';
import { SAMPLES, setupBook, type Ids } from './samples';

/**
 * Write operations that succeed without an audit entry, each with the reason. Kept explicit so that
 * nothing is skipped silently: the test fails if an op listed here starts auditing (remove it) or
 * if any other write op stops.
 */
const KNOWN_GAPS: Record<string, string> = {};

const auditCount = (core: Awaited<ReturnType<typeof freshCore>>) => core.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('audit log', () => {
  it('every write operation that succeeds leaves at least one entry', async () => {
    const missingSamples = operations.filter((o) => !SAMPLES[o.name]).map((o) => o.name);
    expect(missingSamples, 'operations without a sample input in test/core/safety/samples.ts').toEqual([]);
    const silent: string[] = [];
    for (const op of operations.filter((o) => o.writes)) {
      const core = await freshCore();
      const ids = SAMPLES[op.name]!.empty ? ({} as Ids) : await setupBook(core);
      const before = auditCount(core);
      const r = await core.dispatch(op.name, SAMPLES[op.name]!.input(ids));
      expect(r.ok ? 'ok' : r.error, op.name).toBe('ok');
      if (auditCount(core) <= before) silent.push(op.name);
      await core.close();
    }
    expect(silent.sort()).toEqual(Object.keys(KNOWN_GAPS).sort());
  });

  it('lists a client’s history (its invoices, payments, contacts… too), newest first, with paging', async () => {
    const core = await freshCore();
    const ids = await setupBook(core);
    await core.call('payments.void', { id: ids.payment, reason: 'Bounced' });
    const all = await core.call('audit.list', { clientId: ids.client, limit: 100 });
    const kinds = new Set(all.rows.map((r) => r.entity));
    expect([...kinds].sort()).toEqual(['client', 'contact', 'credit_note', 'dispute', 'invoice', 'payment']);
    expect(all.rows.every((r) => r.entity !== 'client' || r.entityId === ids.client)).toBe(true);
    expect(all.rows[0]).toMatchObject({ entity: 'payment', action: 'void', reason: 'Bounced', before: { id: ids.payment } });
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => b - a));
    // the other client's history does not leak in
    expect(all.rows.some((r) => r.entity === 'client' && r.entityId === ids.other)).toBe(false);
    expect(all.rows.some((r) => r.entity === 'payment' && r.entityId === ids.credit)).toBe(false);

    const page = await core.call('audit.list', { clientId: ids.client, limit: 2, offset: 1 });
    expect(page.total).toBe(all.total);
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id));
    const one = await core.call('audit.list', { entity: 'payment', entityId: ids.payment });
    expect(one.rows.map((r) => r.action)).toEqual(['void', 'record']);
    await core.close();
  });

  it('exports CSV with formula cells neutralised', async () => {
    const core = await freshCore();
    await core.call('clients.create', { code: 'EVIL', name: '=HYPERLINK("http://evil.example","click")' });
    const { csv, rows } = await core.call('audit.export', { entity: 'client' });
    expect(rows).toBe(1);
    const [header, line] = csv.trim().split('\n');
    expect(header).toBe('id,at,entity,entity_id,action,reason,actor,before,after');
    expect(line).toContain('"{""id"":1,""code"":""EVIL"",""name"":""=HYPERLINK'); // inside JSON: not at the start of a cell
    expect(csv.split(/,|\n/).some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    await core.close();
  });

  it('the log refuses updates and deletes', async () => {
    const core = await freshCore();
    await core.call('clients.create', { code: 'A', name: 'A' });
    expect(() => core.ctx.sqlite.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => core.ctx.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    await core.close();
  });
});
