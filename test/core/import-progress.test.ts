import { afterEach, describe, expect, it } from 'vitest';
import { freshCore } from '../support/core';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
let core: TestCore;
afterEach(async () => core?.close());

describe('progress of a long import', () => {
  it('reaches the caller through dispatch: growing counts, ending at total of total', async () => {
    core = await freshCore();
    const rows = Array.from({ length: 2500 }, (_, i) => `C${i + 1},Cliente ${i + 1}`);
    const csv = ['code,name', ...rows].join('\n');
    const seen: [number, number][] = [];
    const r = await core.dispatch(
      'imports.run',
      { kind: 'clients', fileName: 'clientes.csv', dataBase64: Buffer.from(csv).toString('base64'), partial: false },
      { onProgress: (done, total) => seen.push([done, total]) },
    );
    expect(r.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    const last = seen.at(-1)!;
    expect(last[0]).toBe(last[1]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    for (const [done, total] of seen) expect(done).toBeLessThanOrEqual(total);
    expect((await core.call('clients.list', {})).total).toBe(2500);
  });

  it('is not required: a call without a listener imports the same way', async () => {
    core = await freshCore();
    const csv = 'code,name\nC1,Uno\n';
    const r = await core.dispatch('imports.run', { kind: 'clients', fileName: 'c.csv', dataBase64: Buffer.from(csv).toString('base64'), partial: false });
    expect(r).toMatchObject({ ok: true, data: { counts: { created: 1 } } });
  });
});
