import type { ApiResult } from '#shared/contract/index';
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
 * Browser (`npm run web`, e2e): POST /api/<method> with the per-run token the server wrote into the page.
 * Anything that is not an ApiResult (a dead server, a 401) becomes a typed transport error.
 */
export function httpTransport(token: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): Transport {
  return async (method, input) => {
    let res: Response;
    try {
      res = await fetchImpl(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cartera-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch (e) {
      return transportFailure(e instanceof Error ? e.message : String(e));
    }
    if (!res.ok) return transportFailure(`HTTP ${res.status}`);
    try {
      return (await res.json()) as ApiResult<unknown>;
    } catch {
      return transportFailure('malformed response');
    }
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
  if (meta('cartera-transport') === 'http') return httpTransport(meta('cartera-token') ?? '');
  return null;
}
