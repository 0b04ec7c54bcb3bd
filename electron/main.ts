import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { engineClient, type EngineClient } from '#core/engine/client';
import { startupBook } from '#core/books/recent';
import type { BookInfo, RecentBook } from '#shared/contract/books';
import { bookMenuItems, bookStrings } from './shell/books';
import { utilityEngine } from './shell/engine';
import { denyAllPermissions, installGuards } from './shell/guards';
import { installMenu } from './shell/menu';
import { resolveNativeBinding } from './shell/nativeBinding';
import { shellStrings } from './shell/strings';
import { isTrustedSenderUrl } from './shell/trust';
import { createMainWindow } from './shell/window';

/**
 * The Electron main process: lifecycle, the window and one IPC channel onto the core. Everything with
 * logic lives in electron/core (plain Node) or electron/shell; this file only wires them.
 */
const indexFile = path.join(app.getAppPath(), 'dist', 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexFile).href;
const preload = path.join(__dirname, 'preload.cjs');
const caseInsensitivePaths = process.platform === 'win32' || process.platform === 'darwin';

let win: BrowserWindow | null = null;
let host: EngineClient | null = null;
let closed = false;

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // another Cartera has the file open; it comes to the front (second-instance below) and we leave
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  const strings = () => shellStrings(app.getLocale());
  installGuards(strings);
  app.whenReady().then(() => {
    denyAllPermissions();
    installMenu(strings(), { isMac: process.platform === 'darwin', devTools: !app.isPackaged });
    host = openHost();
    void refreshMenu();
    ipcMain.handle('api', onApi);
    showWindow();
    app.on('activate', () => {
      if (!win) showWindow();
    });
  }, fatal);
}

/** The core runs in its own process (electron/core/engine), so no query ever blocks this one. */
function openHost(): EngineClient {
  // CARTERA_DB names a file for this run; otherwise the book opened last (books.json beside the settings)
  const stateDir = app.getPath('userData');
  const file = startupBook(stateDir, process.env.CARTERA_DB, path.join(stateDir, 'cartera.sqlite'));
  const nativeBinding = resolveNativeBinding({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, env: process.env });
  const engine = engineClient(utilityEngine(path.join(__dirname, 'engine.cjs')), file, {
    nativeBinding,
    appVersion: app.getVersion(),
    fallbackLocale: app.getLocale(),
    stateDir,
  });
  void engine.ready().then((failure) => {
    if (failure) console.error(`Cartera could not open ${file}: ${failure.message}`);
  });
  // the calls that were waiting get the message; the next call starts a new engine on the same file
  engine.onCrash((e) => console.error(`Cartera: ${e.message}`));
  return engine;
}

async function onApi(event: IpcMainInvokeEvent, method: unknown, input: unknown) {
  const frame = event.senderFrame;
  // only our own page, in the top frame, reaches the core
  if (!frame || frame.parent !== null || !isTrustedSenderUrl(frame.url, indexUrl, caseInsensitivePaths)) {
    throw new Error('forbidden sender');
  }
  if (!host) throw new Error('not ready');
  const sender = event.sender;
  // an import reports every thousand rows; the window that asked shows a progress bar
  const onProgress = (done: number, total: number) => {
    if (!sender.isDestroyed()) sender.send('progress', { method, done, total });
  };
  const result = await host.dispatch(method, input, { onProgress });
  // a book opened from Settings changes the File menu's recent list too
  if (result.ok && (method === 'books.create' || method === 'books.open')) void refreshMenu();
  return result;
}

/** The File menu lists the recent books (asked of the engine), so it is rebuilt after every switch. */
async function refreshMenu(): Promise<void> {
  if (!host) return;
  const h = host;
  const [current, recent] = await Promise.all([h.dispatch('books.current', {}), h.dispatch('books.recent', {})]);
  const source = {
    file: current.ok ? (current.data as BookInfo).file : '',
    recent: () => (recent.ok ? (recent.data as RecentBook[]) : []),
    switchTo: (file: string, mode: 'open' | 'create') =>
      h.dispatch(mode === 'open' ? 'books.open' : 'books.create', { file }) as Promise<
        { ok: true; data: BookInfo } | { ok: false; error: { message: string } }
      >,
  };
  const fileItems = bookMenuItems(source, bookStrings(app.getLocale()), {
    window: () => win,
    documents: app.getPath('documents'),
    changed: () => void refreshMenu(),
  });
  installMenu(shellStrings(app.getLocale()), { isMac: process.platform === 'darwin', devTools: !app.isPackaged, fileItems });
}

function showWindow(): void {
  win = createMainWindow({ preload, indexFile, title: 'Cartera' });
  win.on('closed', () => {
    win = null;
  });
}

app.on('window-all-closed', () => {
  // macOS apps stay in the dock without windows; elsewhere closing the window ends the app
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (closed || !host) return;
  // hold the quit until the database is closed cleanly (WAL checkpoint), then quit for real
  event.preventDefault();
  void host
    .close()
    .catch((e: unknown) => console.error('Closing the database failed:', e))
    .finally(() => {
      closed = true;
      app.quit();
    });
});

function fatal(e: unknown): void {
  console.error('Cartera failed to start:', e);
  app.exit(1);
}
