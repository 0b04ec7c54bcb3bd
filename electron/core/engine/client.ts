import { fork } from 'node:child_process';
import type { ApiError, ApiResult } from '#shared/contract/index';
import { translate } from '#shared/i18n/index';
import type { DispatchOptions } from '../api';
import type { EngineOptions, FromEngine, ToEngine } from './protocol';

/**
 * The host's side of the engine process: the same `dispatch` the IPC handler and the HTTP server used
 * to call on the core in-process, now a message to the engine. The host's thread never runs a query.
 * If the engine dies, every pending call is answered with a clear error, `onCrash` is told, and the
 * next call starts a new engine (`restart()` does it at once).
 */
export type EngineProcess = {
  send(message: ToEngine): void;
  onMessage(listener: (message: FromEngine) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
};

export type EngineClient = {
  dispatch(method: unknown, input: unknown, opts?: DispatchOptions): Promise<ApiResult<unknown>>;
  /** the failure the book opened with (corrupt, newer…), like CoreHost.failure */
  readonly failure: ApiError | null;
  /** resolves when the engine has opened the book */
  ready(): Promise<ApiError | null>;
  restart(): Promise<ApiError | null>;
  /** backs up on quit and closes the file cleanly, then the engine exits */
  close(): Promise<void>;
  onCrash(listener: (error: ApiError) => void): void;
  /** the running engine, for tests that kill it */
  readonly process: EngineProcess | null;
};

type Pending = { resolve(r: ApiResult<unknown>): void; onProgress?: DispatchOptions['onProgress'] };

export function engineClient(spawn: () => EngineProcess, file: string, options: EngineOptions): EngineClient {
  const locale = () => options.locale ?? options.fallbackLocale;
  let proc: EngineProcess | null = null;
  let opened: Promise<ApiError | null> | null = null;
  let failure: ApiError | null = null;
  let nextId = 1;
  let closing: (() => void) | null = null;
  const pending = new Map<number, Pending>();
  const crashListeners: ((e: ApiError) => void)[] = [];

  function start(): Promise<ApiError | null> {
    const p = spawn();
    proc = p;
    opened = new Promise((resolve) => {
      p.onMessage((m) => {
        if (proc !== p) return;
        if (m.type === 'ready') {
          failure = m.failure;
          resolve(m.failure);
        } else if (m.type === 'progress') pending.get(m.id)?.onProgress?.(m.done, m.total);
        else if (m.type === 'result') {
          pending.get(m.id)?.resolve(m.result);
          pending.delete(m.id);
        } else if (m.type === 'closed') closing?.();
      });
      p.onExit((code) => {
        if (proc !== p) return;
        proc = null;
        opened = null;
        if (closing) return closing();
        const key = 'error.engine.crashed';
        const error: ApiError = { code: 'internal', key, params: { code: String(code) }, message: translate(locale(), key, { code: String(code) }) };
        for (const c of pending.values()) c.resolve({ ok: false, error });
        pending.clear();
        resolve(error);
        for (const l of crashListeners) l(error);
      });
    });
    p.send({ type: 'open', file, options });
    return opened;
  }

  async function engine(): Promise<EngineProcess> {
    await (opened ?? start());
    if (!proc) await start();
    return proc!;
  }

  return {
    get failure() {
      return failure;
    },
    get process() {
      return proc;
    },
    ready: () => opened ?? start(),
    restart() {
      proc?.kill();
      proc = null;
      return start();
    },
    async dispatch(method, input, opts = {}) {
      const p = await engine();
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve, onProgress: opts.onProgress });
        opts.signal?.addEventListener('abort', () => p.send({ type: 'cancel', id }), { once: true });
        p.send({ type: 'call', id, method, input });
      });
    },
    async close() {
      const p = proc;
      if (!p) return;
      await opened;
      await new Promise<void>((resolve) => {
        closing = resolve;
        p.send({ type: 'close' });
      });
      proc = null;
    },
    onCrash(listener) {
      crashListeners.push(listener);
    },
  };
}

/** An engine under child_process.fork: how `npm run web`, the tests and the benchmark run it. */
export function forkEngine(entry: string, execArgv: string[] = []): () => EngineProcess {
  return () => {
    const child = fork(entry, [], { serialization: 'advanced', execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return {
      send: (m) => void (child.connected && child.send(m)),
      onMessage: (fn) => child.on('message', (m) => fn(m as FromEngine)),
      onExit: (fn) => child.on('exit', (code) => fn(code)),
      kill: () => void child.kill('SIGKILL'),
    };
  };
}
