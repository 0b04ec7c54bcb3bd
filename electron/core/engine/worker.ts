import { parentPort, workerData } from 'node:worker_threads';
import { fixedClock } from '#shared/domain/dates';
import { openCore, systemClock } from '../app';
import type { EngineOptions } from './protocol';

/**
 * One long operation (an import, an export, the demo load) on its own connection, in a worker thread
 * of the engine process, so the engine keeps answering other calls meanwhile (WAL lets readers go on
 * during the write). Cancelling terminates the worker: its transaction was never committed, so SQLite
 * discards it and nothing is half-written.
 */
export type WorkerJob = { file: string; options: EngineOptions; method: string; input: unknown };
export type FromWorker = { type: 'progress'; done: number; total: number } | { type: 'result'; result: unknown };

async function run(job: WorkerJob): Promise<void> {
  const port = parentPort!;
  const { file, options } = job;
  const core = await openCore(file, {
    clock: options.fixedNow ? fixedClock(options.fixedNow) : systemClock(),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  try {
    const result = await core.dispatch(job.method, job.input, { onProgress: (done, total) => port.postMessage({ type: 'progress', done, total } satisfies FromWorker) });
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
