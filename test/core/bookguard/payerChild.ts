/**
 * Child process for concurrency.test.ts: another window on the same book, recording a payment every
 * 50 ms. Prints `ack <reference>` for each payment the core acknowledged and `fail <message>` for
 * each refusal; stops on any line on stdin.
 */
import { openCore } from '#core/app';
import { fixedClock } from '#shared/domain/dates';

async function main(): Promise<void> {
  const core = await openCore(process.argv[2]!, { clock: fixedClock('2026-11-20T12:00:00.000Z'), locale: 'en' });
  let stop = false;
  process.stdin.on('data', () => (stop = true));
  process.stdout.write('ready\n');
  for (let k = 0; !stop; k++) {
    const reference = `P-${k}`;
    const r = await core.dispatch('payments.record', { clientId: 1, date: '2026-11-01', amount: 100, currency: 'PEN', method: 'transfer', reference });
    process.stdout.write(r.ok ? `ack ${reference}\n` : `fail ${r.error.key} ${r.error.message}\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await core.close();
  process.stdout.write('done\n');
  process.exit(0);
}

void main();
