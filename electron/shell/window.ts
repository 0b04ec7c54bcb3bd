import path from 'node:path';
import { BrowserWindow } from 'electron';

/** The one application window, locked down: isolated, sandboxed, no Node, web security on. */
export function createMainWindow(opts: { preload: string; indexFile: string; title: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: opts.title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // middle-click on a link would open a window (denied anyway, but never asked for)
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(path.resolve(opts.indexFile));
  return win;
}
