/**
 * Child process for crash.test.ts (run with `node --import tsx`): opens a data file the way the app does
 * and writes until the parent SIGKILLs it. Prints `begin` just before the first write transaction.
 *   bulk FILE N   one large transaction: a demo book of N invoices
 *   batch FILE N  batches of N payments, each batch one transaction, over and over
 * The test bundles it with esbuild first (CommonJS, so no top-level await): starting tsx on every one
 * of twenty runs would cost seconds each.
 */
import { openCore } from '#core/app';
import { inTransaction } from '#core/context';
import { dispatch } from '#core/api';
import { fixedClock } from '#shared/domain/dates';

async function main(): Promise<void> {
  const [mode, file, n] = process.argv.slice(2);
  const core = await openCore(file!, { clock: fixedClock('2026-11-20T12:00:00.000Z'), locale: 'en' });
  process.stdout.write('begin\n');
  if (mode === 'bulk') {
    await core.call('demo.load', { clients: 200, invoices: Number(n), seed: 5 });
  } else {
    const batch = Number(n);
    for (let round = 0; round < 400; round++) {
      await inTransaction(core.ctx, async (trx) => {
        for (let k = 0; k < batch; k++) {
          const r = await dispatch(trx, 'payments.record', {
            clientId: 1,
            date: '2026-11-01',
            amount: 100 + k,
            currency: 'PEN',
            method: 'transfer',
            reference: `R${round}-${k}`,
          });
          if (!r.ok) throw new Error(r.error.message);
        }
      });
    }
  }
  await core.close();
  process.stdout.write('done\n');
}

void main();
