import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeChannel, CarteraBridge } from '#shared/contract/bridge';

/**
 * The only things the page gets from Electron: `invoke` onto the one 'api' channel, subscriptions to a
 * fixed list of events, and the platform name. ipcRenderer itself never crosses the bridge, and
 * listeners receive the payload only (the event object would leak `sender`). Runs sandboxed: only the
 * `electron` module may be required here, which the bundle keeps external.
 */
const CHANNELS: readonly BridgeChannel[] = ['menu:navigate', 'menu:backup-now', 'app:before-quit', 'progress', 'book:changed'];

const bridge: CarteraBridge = {
  invoke: (method, input) => ipcRenderer.invoke('api', String(method), input),
  on(channel, listener) {
    if (!CHANNELS.includes(channel) || typeof listener !== 'function') throw new Error(`unknown channel: ${String(channel)}`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('cartera', bridge);
