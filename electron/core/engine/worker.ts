import { parentPort, workerData } from 'node:worker_threads';
import { fixedClock } from '#shared/domain/dates';
import type { ApiResult } from '#shared/contract/index';
import { openCore, systemClock, type Core } from '../app';
import { toApiError } from '../api';
import { assertQuickCheck } from '../db/open';
import { QUICK_CHECK, type EngineOptions } from './protocol';

/**
 * One long operation (an import, an export, the demo load) on its own connection, in a worker thread
 * of the engine process, so the engine keeps answering other calls meanwhile (WAL lets readers go on
 * during the write). Cancelling terminates the worker: its transaction was never committed, so SQLite
 * discards it and nothing is half-written.
 */
export type WorkerJob = { file: string; options: EngineOptions; method: string; input: unknown };
export type FromWorker = { type: 'progress'; done: number; total: number } | { type: 'result'; result: unknown };

function quickCheck(core: Core): ApiResult<null> {
  try {
    assertQuickCheck(core.ctx.sqlite);
    return { ok: true, data: null };
  } catch (e) {
    return { ok: false, error: toApiError(core.ctx.locale, e) };
  }
}

async function run(job: WorkerJob): Promise<void> {
  const port = parentPort!;
  const { file, options } = job;
  const core = await openCore(file, {
    clock: options.fixedNow ? fixedClock(options.fixedNow) : systemClock(),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    shared: true,
  });
  try {
    if (job.method === QUICK_CHECK) {
      const verdict = quickCheck(core);
      port.postMessage({ type: 'result', result: verdict } satisfies FromWorker);
      return;
    }
    const result = await core.dispatch(job.method, job.input, {
      onProgress: (done, total) => port.postMessage({ type: 'progress', done, total } satisfies FromWorker),
    });
    port.postMessage({ type: 'result', result } satisfies FromWorker);
  } finally {
    await core.close();
  }
}

run(workerData as WorkerJob).catch((e: unknown) => {
  // the engine turns a worker that dies without a result into a typed error
  console.error(e);
  process.exit(1);
});
