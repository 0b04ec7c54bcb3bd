import { Worker } from 'node:worker_threads';
import { contract, isMethod, type ApiError, type ApiResult } from '#shared/contract/index';
import { fixedClock } from '#shared/domain/dates';
import { translate } from '#shared/i18n/index';
import { systemClock } from '../app';
import { asDatabaseError, openCoreHost, type CoreHost } from '../host';
import { openBooksHost } from '../books/host';
import { QUICK_CHECK, type EngineOptions, type FromEngine, type Port, type ToEngine } from './protocol';
import type { FromWorker, WorkerJob } from './worker';

/**
 * The long operations, each run in a worker thread on its own connection (see worker.ts): the engine
 * keeps answering everything else while one runs. Restore stays on the main thread: it closes and
 * reopens the file, and nothing else may use it meanwhile (the host answers "busy").
 */
export const LONG_OPERATIONS: ReadonlySet<string> = new Set(['imports.run', 'imports.preview', 'exports.aging', 'exports.list', 'audit.export', 'demo.load']);

type Running = { cancel(): void };
// a restore or a switch of books replaces the file under every connection
const RESTORES: ReadonlySet<string> = new Set(['backups.restore', 'recovery.restoreLatest', 'books.create', 'books.open']);

/** The engine process: opens the book through the same host as before, then answers calls until closed. */
export function runEngine(port: Port<ToEngine, FromEngine>, workerFile: URL): { close(): void } {
  let host: CoreHost | null = null;
  let file = '';
  let options: EngineOptions = { fallbackLocale: 'es' };
  const running = new Map<number, Running>();
  // a write outside a worker waits for a writing worker to finish: SQLite allows one writer, and the
  // busy wait would block this thread (and every read) for seconds
  let writer: Promise<unknown> = Promise.resolve();
  let exclusive: Promise<unknown> | null = null;
  const workers = new Set<Promise<unknown>>();
  const locale = () => options.locale ?? options.fallbackLocale;
  const fail = (key: string, params?: Record<string, string | number>): ApiResult<unknown> => ({
    ok: false,
    error: { code: 'internal', key, ...(params ? { params } : {}), message: translate(locale(), key, params) } satisfies ApiError,
  });

  function inWorker(id: number, method: string, input: unknown): Promise<ApiResult<unknown>> {
    return new Promise((resolve) => {
      const job: WorkerJob = { file, options, method, input };
      const worker = newWorker(workerFile, job);
      // until the thread has exited its connection may still be open (a restore waits for that)
      const exited = new Promise<void>((r) => worker.once('exit', () => r()));
      workers.add(exited);
      void exited.then(() => workers.delete(exited));
      let settled = false;
      const settle = (r: ApiResult<unknown>) => {
        if (settled) return;
        settled = true;
        running.delete(id);
        resolve(r);
      };
      running.set(id, {
        cancel: () => {
          settle({ ok: false, error: { code: 'invalid_state', key: 'error.cancelled', message: translate(locale(), 'error.cancelled') } });
          void worker.terminate();
        },
      });
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'progress') port.send({ type: 'progress', id, done: m.done, total: m.total });
        else settle(m.result as ApiResult<unknown>);
      });
      worker.on('error', (e) => settle(fail('error.internal', { detail: e.message.slice(0, 200) })));
      worker.on('exit', () => settle(fail('error.engine.stopped')));
    });
  }

  async function call(id: number, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (!host) return fail('error.engine.stopped');
    const writes = isMethod(method) && contract[method].writes;
    if (typeof method === 'string' && RESTORES.has(method)) {
      // a restore replaces the file: it waits for every worker's connection to close, and none opens meanwhile
      const h = host;
      const done = writer
        .then(() => Promise.all(workers))
        .then(() => h.dispatch(method, input))
        .then((r) => {
          if ('file' in h && typeof h.file === 'string') file = h.file; // workers open the book now open
          return r;
        });
      exclusive = done;
      writer = done.catch(() => undefined);
      return done.finally(() => {
        if (exclusive === done) exclusive = null;
      });
    }
    if (exclusive && typeof method === 'string' && LONG_OPERATIONS.has(method)) {
      return { ok: false, error: { code: 'invalid_state', key: 'error.db.busy', message: translate(locale(), 'error.db.busy') } };
    }
    if (!host.failure && typeof method === 'string' && LONG_OPERATIONS.has(method)) {
      // validate here, so a bad input is answered at once, in the same words, without a worker
      const op = isMethod(method) ? contract[method] : null;
      if (op && !op.input.safeParse(input ?? {}).success) return host.dispatch(method, input);
      if (!writes) return inWorker(id, method, input);
      const done = writer.then(() => inWorker(id, method, input));
      writer = done;
      return done;
    }
    if (writes) {
      const done = writer.then(() => host!.dispatch(method, input));
      writer = done.catch(() => undefined);
      return done;
    }
    return host.dispatch(method, input, { onProgress: (d, t) => port.send({ type: 'progress', id, done: d, total: t }) });
  }

  port.onMessage((m) => {
    switch (m.type) {
      case 'open':
        file = m.file;
        options = m.options;
        void openHost(file, options).then(
          (h) => {
            host = h;
            port.send({ type: 'ready', failure: h.failure });
            if (!h.failure) scheduleChecks();
          },
          (e: unknown) => port.send({ type: 'ready', failure: asDatabaseError(locale(), e) }),
        );
        return;
      case 'call':
        void call(m.id, m.method, m.input).then((result) => port.send({ type: 'result', id: m.id, result }));
        return;
      case 'cancel':
        running.get(m.id)?.cancel();
        return;
      case 'close':
        close();
        return;
    }
  });

  /**
   * quick_check leaves the open (db/cleanShutdown.ts) and runs here instead: a while after the open,
   * then every few hours, in a worker so nothing waits for it. A damaged file is closed without a
   * backup and every call answers the database error: the window shows the recovery screen.
   */
  let timer: NodeJS.Timeout | null = null;
  function scheduleChecks(): void {
    const first = options.firstCheckAfterMs ?? 60_000;
    const every = options.checkEveryMs ?? 6 * 3_600_000;
    const at = (ms: number) => {
      timer = setTimeout(() => void check().then((again) => again && every > 0 && at(every)), ms);
      timer.unref();
    };
    if (first >= 0) at(first);
  }
  /** true: carry on checking later */
  async function check(): Promise<boolean> {
    if (closing || !host) return false;
    const r = await inWorker(0, QUICK_CHECK, null);
    if (r.ok) return true;
    if (closing || r.error.code !== 'database') return !closing; // the check itself did not run: next time
    await host.damaged(r.error);
    return false;
  }

  let closing = false;
  function close(): void {
    if (closing) return;
    closing = true;
    if (timer) clearTimeout(timer);
    for (const r of running.values()) r.cancel();
    void (host?.close() ?? Promise.resolve()).finally(() => {
      port.send({ type: 'closed' });
      // let the message leave before the process ends
      setTimeout(() => process.exit(0), 20);
    });
  }
  return { close };
}

function openHost(file: string, options: EngineOptions): Promise<CoreHost> {
  const { stateDir, ...rest } = hostOptions(options);
  const opts = { ...rest, clock: options.fixedNow ? fixedClock(options.fixedNow) : systemClock() };
  return stateDir ? openBooksHost(file, { ...opts, stateDir }) : openCoreHost(file, opts);
}

function hostOptions(o: EngineOptions) {
  const { fixedNow: _fixed, ...rest } = o;
  return rest;
}

/**
 * Built, the worker is a bundle beside the engine's; from the sources (tests, `npm run web`) it is
 * TypeScript, and a worker thread does not inherit the parent's tsx loader: it registers its own.
 */
function newWorker(file: URL, job: WorkerJob): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData: job });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(boot, { eval: true, workerData: job });
}
