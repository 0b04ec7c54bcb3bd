import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { compareBinary } from '#core/imports/invoices';
import { importFile } from '#core/imports/service';
import { freshCore, snapshot } from '../../support/core';
import { csv } from '../../fixtures/imports/book';
import { reasons, runImport, withClients } from './helpers';

/**
 * The invoice import reads only the stored invoices the file names (one range per client and series on
 * the unique index), writes client by client, and reports progress while reading and while writing.
 */
let core: Core;
beforeEach(async () => {
  core = await freshCore();
  await withClients(core);
});
afterEach(async () => {
  await core.close();
});

const rowsOf = (sql: string) => core.ctx.sqlite.prepare(sql).all();
const HEADER = ['client_code', 'series', 'number', 'issue_date', 'due_date', 'currency', 'amount'];
const inv = (client: string, series: string, number: string, amount = '100.00') => [client, series, number, '2026-01-10', '2026-02-09', 'PEN', amount];

describe('stored invoices the file names', () => {
  it('finds them among others of the same client and series, numbers inside and outside the range', async () => {
    await runImport(
      core,
      'invoices',
      csv([HEADER, inv('C1', 'F', '001'), inv('C1', 'F', '005'), inv('C1', 'F', '009'), inv('C1', 'G', '005'), inv('C2', 'H', '005'), inv('C1', '', '005')]),
    );
    const before = snapshot(core);
    // 005 same, 007 new (stored 005 and 009 around it), 009 changed, G-005 and C2's H-005 untouched
    const { report } = await runImport(core, 'invoices', csv([HEADER, inv('C1', 'F', '005'), inv('C1', 'F', '007'), inv('C1', 'F', '009', '90.00')]));
    expect(reasons(report)).toEqual([[4, 'conflict_existing']]);
    expect(report?.counts).toMatchObject({ accepted: 2, rejected: 1, unchanged: 1, created: 0 });
    expect(snapshot(core)).toEqual(before);

    const partial = await runImport(
      core,
      'invoices',
      csv([HEADER, inv('C1', 'F', '005'), inv('C1', 'F', '007'), inv('C1', 'F', '009', '90.00'), inv('C1', '', '005'), inv('C2', 'F', '006')]),
      { partial: true },
    );
    expect(partial.report?.counts).toMatchObject({ created: 2, unchanged: 2, rejected: 1 });
    expect(
      rowsOf("SELECT c.code, i.series, i.number FROM invoices i JOIN clients c ON c.id = i.client_id WHERE i.number IN ('006', '007') ORDER BY i.id"),
    ).toEqual([
      { code: 'C1', series: 'F', number: '007' },
      { code: 'C2', series: 'F', number: '006' },
    ]);
  });

  it('orders range bounds as SQLite does (UTF-8 bytes), not as JavaScript compares UTF-16', async () => {
    // in UTF-16 '😀' (a surrogate pair) sorts before U+E000; in UTF-8 and in SQLite it sorts after
    const numbers = ['A-1', '\uE000-1', '😀-1', 'Ñ-1'];
    await runImport(core, 'invoices', csv([HEADER, ...numbers.map((n) => inv('C1', 'F', n))]));
    const again = await runImport(core, 'invoices', csv([HEADER, ...numbers.map((n) => inv('C1', 'F', n))]));
    expect(again.report?.counts).toMatchObject({ rejected: 0, created: 0, unchanged: 4 });
    const changed = await runImport(core, 'invoices', csv([HEADER, inv('C1', 'F', 'A-1'), inv('C1', 'F', '😀-1', '5.00')]));
    expect(reasons(changed.report)).toEqual([[3, 'conflict_existing']]);
  });

  it('compareBinary agrees with byte order of UTF-8', () => {
    const words = ['', 'a', 'A', 'ab', 'Ñ', 'ñ', '\u07ff', '\u0800', '\uD7FF', '\uE000', '\uFFFD', '\uFFFF', '😀', '𝄞', 'a😀', 'a\uFFFF', 'F-10', 'F-9'];
    for (const a of words) {
      for (const b of words) {
        expect(Math.sign(compareBinary(a, b)), `${a} vs ${b}`).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }
    }
  });
});

describe('writing', () => {
  it('keeps the file order within each client', async () => {
    await runImport(core, 'invoices', csv([HEADER, inv('C2', 'F', '3'), inv('C1', 'F', '2'), inv('C2', 'F', '4'), inv('C1', 'F', '9'), inv('C1', 'F', '1')]));
    const order = (code: string) =>
      (rowsOf(`SELECT i.number FROM invoices i JOIN clients c ON c.id = i.client_id WHERE c.code = '${code}' ORDER BY i.id`) as { number: string }[]).map(
        (r) => r.number,
      );
    expect(order('C1')).toEqual(['2', '9', '1']);
    expect(order('C2')).toEqual(['3', '4']);
  });

  it('reports progress while checking and while writing, ending at the total', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => inv(i % 2 ? 'C1' : 'C2', 'P', String(i)));
    const bytes = Buffer.from(csv([HEADER, ...rows]));
    const calls: [number, number][] = [];
    const report = await importFile(core.ctx, { kind: 'invoices', fileName: 'p.csv', bytes }, (done, total) => calls.push([done, total]));
    expect(report.counts.created).toBe(2500);
    expect(calls.at(-1)).toEqual([5000, 5000]);
    expect(calls.some(([done]) => done > 2500 && done < 5000)).toBe(true); // during the writes
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    for (const [done, total] of calls) expect(done).toBeLessThanOrEqual(total);

    // a re-import writes nothing: the total is the rows checked
    const again: [number, number][] = [];
    await importFile(core.ctx, { kind: 'invoices', fileName: 'p.csv', bytes }, (done, total) => again.push([done, total]));
    expect(again.at(-1)).toEqual([2500, 2500]);
  });
});
