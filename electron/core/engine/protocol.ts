import type { ApiError, ApiResult } from '#shared/contract/index';

/**
 * The messages between a host (the Electron main process, the `npm run web` server, tests) and the
 * engine process that owns the data file. Everything is structured-clone data, so the same protocol
 * runs over Electron's utilityProcess port and over child_process.fork (serialization 'advanced').
 */
export type EngineOptions = {
  nativeBinding?: string;
  appVersion?: string;
  locale?: string;
  fallbackLocale: string;
  /** the folder of books.json: with it the engine also answers books.* (switching books in place) */
  stateDir?: string;
  /** a fixed instant (ISO UTC) instead of the system clock: tests and the benchmark */
  fixedNow?: string;
  /** the background whole-file check: first run after this many ms (negative: never), then every `checkEveryMs` (0: once) */
  firstCheckAfterMs?: number;
  checkEveryMs?: number;
};

/** Not an API method: the engine's background whole-file check, run by its worker (engine.ts). */
export const QUICK_CHECK = '#quick_check';

export type ToEngine =
  | { type: 'open'; file: string; options: EngineOptions }
  | { type: 'call'; id: number; method: unknown; input: unknown }
  | { type: 'cancel'; id: number }
  | { type: 'close' };

export type FromEngine =
  | { type: 'ready'; failure: ApiError | null }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'closed' };

/** One end of the channel, whatever carries it. */
export type Port<In, Out> = { send(message: Out): void; onMessage(listener: (message: In) => void): void };

type ParentPort = { postMessage(m: unknown): void; on(event: 'message', listener: (e: { data: unknown }) => void): void };

/** The engine's side: Electron's utilityProcess gives `process.parentPort`; child_process.fork gives `process.send`. */
export function parentPort(): Port<ToEngine, FromEngine> {
  const electronPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (electronPort) {
    return { send: (m) => electronPort.postMessage(m), onMessage: (fn) => electronPort.on('message', (e) => fn(e.data as ToEngine)) };
  }
  if (process.send) {
    const send = process.send.bind(process);
    return { send: (m) => void (process.connected && send(m)), onMessage: (fn) => process.on('message', (m) => fn(m as ToEngine)) };
  }
  throw new Error('the engine must be started by a host (utilityProcess or child_process.fork)');
}
