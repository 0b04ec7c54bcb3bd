import { openCore } from '#core/app';
import { fixedClock } from '#shared/domain/dates';
import { sql } from 'kysely';
import { openItemsSource, bucketCase } from '#core/aging/source';
const core = await openCore('/tmp/k4big.sqlite', { clock: fixedClock('2026-11-20T12:00:00Z'), locale: 'en' });
const db = core.ctx.db.withoutPlugins();
for (const asOf of ['2026-11-20', '2026-06-30']) {
  const src = await openItemsSource(core.ctx, asOf, 'due', {}, [0,30,60,90,120]);
  for (const [name, q] of [
    ['detail', sql`SELECT *, ${bucketCase(asOf, [0,30,60,90,120])} AS bucket FROM (${src}) src ORDER BY ref_date ASC, invoice_id ASC LIMIT 500`],
    ['summary', sql`SELECT client_id, currency, ${bucketCase(asOf, [0,30,60,90,120])} AS bucket, sum(open) FROM (${src}) src GROUP BY client_id, currency, bucket`],
  ] as const) {
    const c = q.compile(db);
    const plan = core.ctx.sqlite.prepare('EXPLAIN QUERY PLAN ' + c.sql).all(...(c.parameters as unknown[])) as { detail: string }[];
    const s = performance.now();
    core.ctx.sqlite.prepare(c.sql).all(...(c.parameters as unknown[]));
    console.log(asOf, name, Math.round(performance.now() - s), 'ms\n  ' + plan.map((p) => p.detail).join('\n  '));
  }
}
await core.close();
