import type { ApiResult } from './errors';

/**
 * What the Electron preload exposes as `window.cartera` (and nothing more): one invoke for the API
 * and a subscription for main-process events that returns its own unsubscribe.
 */
export type CarteraBridge = {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  on(channel: BridgeChannel, listener: (payload: unknown) => void): () => void;
  platform: string;
};

/** Events main may push to the renderer. */
export type BridgeChannel = 'menu:navigate' | 'menu:backup-now' | 'app:before-quit' | 'progress' | 'book:changed';
