import { contract, type ApiError, type ApiResult, type InputOf, type Method, type OutputOf } from '#shared/contract/index';
import { isMessageKey, translate } from '#shared/i18n/index';
import { detectTransport, transportFailure, type Transport } from './transport';

/** What every failed `call` throws: the core's typed error, untouched. */
export class ApiClientError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiClientError';
    this.error = error;
  }
  get code(): ApiError['code'] {
    return this.error.code;
  }
  /** Field path ('dueDate', 'allocations.0.amount') → message, for showing errors next to fields. */
  fieldErrors(locale?: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.error.issues ?? []) {
      if (issue.path && !(issue.path in out)) out[issue.path] = locale ? translateIssue(locale, issue.key, issue.message) : issue.message;
    }
    return out;
  }
}

function translateIssue(locale: string, key: string, fallback: string, params?: Record<string, string | number>): string {
  return isMessageKey(key) || key.startsWith('ui.') ? translate(locale, key, params) : fallback;
}

/**
 * The message of any error in the UI's language. The core already translated it in *its* locale; we
 * re-render from the key so a switch of language never leaves a stale sentence.
 */
export function errorMessage(e: unknown, locale: string): string {
  if (e instanceof ApiClientError) return translateIssue(locale, e.error.key, e.error.message, e.error.params);
  return translate(locale, 'ui.error.unexpected', { detail: e instanceof Error ? e.message : String(e) });
}

let transport: Transport | null = null;
const databaseListeners = new Set<(e: ApiError) => void>();
const changeListeners = new Set<(method: Method) => void>();

/** Tests inject a fake; the app lets the page pick (IPC or HTTP). */
export function setTransport(t: Transport | null): void {
  transport = t;
}

/** The app shows a full-screen error when the data file itself fails (corrupt, newer, locked). */
export function onDatabaseError(listener: (e: ApiError) => void): () => void {
  databaseListeners.add(listener);
  return () => databaseListeners.delete(listener);
}

/**
 * Called after every successful operation that may change what screens show (the contract's
 * `changesData`: every write, an import, the demo, a restore), whichever screen made it. Open views
 * refetch on it (app/refetch.ts), so no screen keeps showing figures from before the change.
 */
export function onDataChanged(listener: (method: Method) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** The one way the renderer talks to the core. Resolves with the result or throws ApiClientError. */
export async function call<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  transport ??= detectTransport();
  let result: ApiResult<unknown>;
  try {
    result = transport ? await transport(method, input) : transportFailure('no transport');
  } catch (e) {
    result = transportFailure(e instanceof Error ? e.message : String(e));
  }
  if (result.ok) {
    if (contract[method]?.changesData) changeListeners.forEach((l) => l(method));
    return result.data as OutputOf<M>;
  }
  if (result.error.code === 'database') databaseListeners.forEach((l) => l(result.error));
  throw new ApiClientError(result.error);
}

export type Progress = { method: string; done: number; total: number };

/**
 * Progress of a long call (an import), pushed by the desktop app's main process. The browser transport
 * cannot push, so there the listener is simply never called and screens show an indeterminate state.
 */
export function onProgress(listener: (p: Progress) => void): () => void {
  const bridge = typeof window === 'undefined' ? undefined : window.cartera;
  if (!bridge) return () => {};
  return bridge.on('progress', (payload) => {
    const p = payload as Partial<Progress> | null;
    if (p && typeof p.method === 'string' && typeof p.done === 'number' && typeof p.total === 'number' && p.total > 0) listener(p as Progress);
  });
}
