import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '#core/app';
import { importFile } from '#core/imports/service';
import { freshCore } from '../../support/core';

let core: Core;
beforeAll(async () => {
  core = await freshCore();
});
afterAll(async () => {
  await core.close();
});

const CLIENTS = 1000;
const ROWS = 100_000;

/** Rough timing, printed not asserted (the machine is shared): 100k invoice rows should take seconds. */
it(`imports ${ROWS} invoice rows in seconds`, async () => {
  const clients = ['code,name,payment_terms_days', ...Array.from({ length: CLIENTS }, (_, i) => `K${i},Cliente ${i},30`)].join('\n');
  await importFile(core.ctx, { kind: 'clients', fileName: 'c.csv', bytes: Buffer.from(clients) });
  const lines = ['client_code;number;issue_date;due_date;currency;amount;description'];
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`K${i % CLIENTS};F${i};${day}/0${(i % 9) + 1}/2026;;${i % 5 ? 'PEN' : 'USD'};${(i % 9000) + 1},${String(i % 100).padStart(2, '0')};Venta ${i}`);
  }
  const bytes = Buffer.from(lines.join('\n'));
  let calls = 0;
  const t0 = performance.now();
  const report = await importFile(core.ctx, { kind: 'invoices', fileName: 'big.csv', bytes }, () => calls++);
  const t1 = performance.now();
  const again = await importFile(core.ctx, { kind: 'invoices', fileName: 'big.csv', bytes });
  const t2 = performance.now();
  console.log(
    `import of ${ROWS} invoices (${(bytes.length / 1048576).toFixed(1)} MB): ${((t1 - t0) / 1000).toFixed(2)} s; re-import (all unchanged): ${((t2 - t1) / 1000).toFixed(2)} s`,
  );
  expect(report.counts).toMatchObject({ rows: ROWS, created: ROWS, rejected: 0 });
  expect(again.counts).toMatchObject({ created: 0, unchanged: ROWS });
  expect(calls).toBeGreaterThan(100);
});
