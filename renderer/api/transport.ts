import { isApiError, type ApiResult } from '#shared/contract/index';
import type { CarteraBridge } from '#shared/contract/bridge';

/** How one API call travels: the only thing that differs between Electron, the browser and tests. */
export type Transport = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

declare global {
  interface Window {
    cartera?: CarteraBridge;
  }
}

/** Electron: the preload bridge's single `invoke`. */
export function ipcTransport(bridge: CarteraBridge): Transport {
  return (method, input) => bridge.invoke(method, input);
}

/**
 * Browser (`npm run web`, e2e): POST /api/<method>. The server authenticates the page by its HttpOnly
 * session cookie (this script never sees the secret). Anything that is not an ApiResult (a dead
 * server, a 401) becomes a typed transport error; a typed refusal (413 too large) is passed on as is.
 */
export function httpTransport(fetchImpl: typeof fetch = (...a) => fetch(...a)): Transport {
  return async (method, input) => {
    let res: Response;
    try {
      res = await fetchImpl(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch (e) {
      return transportFailure(e instanceof Error ? e.message : String(e));
    }
    if (res.status === 401) return sessionEnded();
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return transportFailure(res.ok ? 'malformed response' : `HTTP ${res.status}`);
    }
    if (res.ok) return body as ApiResult<unknown>;
    const error = (body as { ok?: unknown; error?: unknown } | null)?.error;
    return isApiError(error) ? { ok: false, error } : transportFailure(`HTTP ${res.status}`);
  };
}

/** The server no longer knows this browser: a new `npm run web` (new token), or the cookie was cleared. */
function sessionEnded(): ApiResult<unknown> {
  return {
    ok: false,
    error: { code: 'internal', key: 'ui.error.session', message: 'This browser is no longer let into Cartera: open the new link printed by npm run web.' },
  };
}

export function transportFailure(detail: string): ApiResult<unknown> {
  return {
    ok: false,
    error: { code: 'internal', key: 'ui.error.transport', params: { detail }, message: `Cartera is not reachable (${detail}).` },
  };
}

function meta(name: string): string | null {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}

/** Picks the transport the page was loaded with; null when neither bridge nor HTTP meta is present. */
export function detectTransport(): Transport | null {
  if (typeof window !== 'undefined' && window.cartera) return ipcTransport(window.cartera);
  if (meta('cartera-transport') === 'http') return httpTransport();
  return null;
}
