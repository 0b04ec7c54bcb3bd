import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { operations } from '#shared/contract/index';
import { handlers } from '#core/api';
import { freshCore, snapshot } from '../support/core';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
const KNOWN_CODES = new Set(['validation', 'not_found', 'conflict', 'invalid_state', 'unknown_method', 'database', 'internal']);

describe('the contract', () => {
  it('names every operation once, domain.verb, and gives each exactly one handler', () => {
    const names = operations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+$/);
    expect(Object.keys(handlers).sort()).toEqual([...names].sort());
    for (const o of operations) expect(typeof o.input.safeParse).toBe('function');
  });
});

describe('dispatch under random and malformed input', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'C1', name: 'Andina' });
    await core.call('invoices.create', { clientId: c.id, number: '1', issueDate: '2026-10-01', currency: 'PEN', amount: 5000 });
  });
  afterAll(() => core.close());

  const junk = fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.dictionary(
      fc.constantFrom('id', 'clientId', 'code', 'name', 'amount', 'currency', 'date', 'asOf', 'number', 'issueDate', 'search', 'reason', 'method'),
      fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean()),
    ),
  );

  it('answers every operation with a result or a typed error, and a failed call changes nothing', async () => {
    for (const op of operations) {
      if (op.name === 'demo.load') continue; // its valid inputs generate large books; covered in cli.test.ts
      await fc.assert(
        fc.asyncProperty(junk, async (input) => {
          const before = snapshot(core);
          const r = await core.dispatch(op.name, input);
          if (r.ok) return;
          expect(KNOWN_CODES.has(r.error.code)).toBe(true);
          expect(r.error.message.length).toBeGreaterThan(0);
          expect(r.error.code).not.toBe('internal');
          expect(snapshot(core)).toEqual(before);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('refuses unknown methods and non-object input with typed errors', async () => {
    expect((await core.dispatch('clients.drop', {})).ok).toBe(false);
    const r = await core.dispatch('__proto__', {});
    expect(r.ok ? null : r.error.code).toBe('unknown_method');
    const s = await core.dispatch('clients.create', 'not an object');
    expect(s.ok ? null : s.error.code).toBe('validation');
  });

  it('explains validation failures per field in the user language', async () => {
    const es = await freshCore({ locale: 'es' });
    const r = await es.dispatch('invoices.create', { clientId: 1, number: '', issueDate: '2026-02-30', currency: 'XXX', amount: 1.5 });
    await es.close();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries((r.error.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath.number).toBe('Este campo es obligatorio.');
    expect(byPath.issueDate).toMatch(/fecha válida/);
    expect(byPath.currency).toMatch(/moneda/);
    expect(byPath.amount).toMatch(/importe/);
  });
});
