import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';

/**
 * The bundled Electron main process, run in plain Node against a fake `electron` module (the real
 * binary is not needed, and no test imports electron). Checks the wiring main.ts is responsible for:
 * hardened window, sender check on the one IPC channel, the database error mode, guards on every web
 * contents, single instance focus and closing the database before quitting.
 */
const root = path.resolve(__dirname, '../..');
const outdir = path.join(root, '.cache', `test-electron-main-${process.pid}`); // inside the repo: better-sqlite3 resolves from node_modules

const HARNESS = String.raw`
const Module = require('module');
const path = require('path');
const { pathToFileURL } = require('url');
const out = { log: [] };
const handlers = {}; const appEvents = {};
let ready; const whenReady = new Promise((r) => (ready = r));
let win;
class BrowserWindow {
  constructor(o) { out.webPreferences = o.webPreferences; this.ev = {}; win = this; this.calls = []; }
  once() {} on(e, f) { this.ev[e] = f; }
  loadFile(f) { out.loaded = f; return Promise.resolve(); }
  isMinimized() { return true; } restore() { this.calls.push('restore'); } show() { this.calls.push('show'); } focus() { this.calls.push('focus'); }
  static fromWebContents() { return null; }
}
const app = {
  enableSandbox: () => out.log.push('enableSandbox'), requestSingleInstanceLock: () => true,
  on: (e, f) => { (appEvents[e] ||= []).push(f); }, whenReady: () => whenReady, getAppPath: () => process.env.APP_PATH,
  getPath: () => process.env.USER_DATA, getLocale: () => 'en-US', getVersion: () => '0.1.0', isPackaged: false,
  quit: () => out.log.push('quit'), exit: (c) => out.log.push('exit ' + c),
};
const ses = { setPermissionRequestHandler: (f) => (out.permissionRequest = f), setPermissionCheckHandler: (f) => (out.permissionCheck = f), setDevicePermissionHandler: () => {} };
// utilityProcess stand-in: child_process.fork speaks the same protocol to the engine entry
const EventEmitter = require('events');
const utilityProcess = { fork(entry, args) {
  const c = require('child_process').fork(entry, args, { serialization: 'advanced', stdio: 'inherit' });
  const ee = new EventEmitter(); out.engineForked = path.basename(entry);
  c.on('message', (m) => ee.emit('message', m)); c.on('exit', (code) => ee.emit('exit', code)); c.on('spawn', () => ee.emit('spawn'));
  ee.postMessage = (m) => c.send(m); ee.kill = () => c.kill(); return ee;
} };
const electron = { app, BrowserWindow, utilityProcess, ipcMain: { handle: (c, f) => (handlers[c] = f) }, Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => { out.menu = m.map((x) => x.label); out.fileMenu = m[0].submenu.map((x) => x.label || x.type); } },
  session: { defaultSession: ses }, dialog: { showMessageBox: async () => ({ response: 1 }) }, shell: { openExternal: async (u) => out.log.push('openExternal ' + u) } };
const orig = Module._load;
Module._load = function (req, ...rest) { return req === 'electron' ? electron : orig.call(this, req, ...rest); };
require(path.join(__dirname, 'main.cjs'));
(async () => {
  ready(); await new Promise((r) => setTimeout(r, 20));
  const index = pathToFileURL(path.join(process.env.APP_PATH, 'dist', 'renderer', 'index.html')).href;
  const call = async (url, parent = null) => { try { return await handlers.api({ senderFrame: { url, parent } }, 'settings.get', {}); } catch (e) { return 'refused: ' + e.message; } };
  out.trusted = await call(index + '#/clients');
  out.untrusted = [await call('https://evil.example/'), await call(index, {}), await call('file:///tmp/other/index.html')];
  let granted; out.permissionRequest(null, 'media', (g) => (granted = g)); out.granted = granted; out.checked = out.permissionCheck();
  const contents = { ev: {}, on(e, f) { this.ev[e] = f; }, setWindowOpenHandler(f) { this.open = f; } };
  appEvents['web-contents-created'][0]({}, contents);
  const nav = { prevented: false, preventDefault() { this.prevented = true; } };
  contents.ev['will-navigate'](nav, 'https://evil.example/');
  out.navigationPrevented = nav.prevented;
  out.windowOpen = contents.open({ url: 'https://wa.me/51987654321' }).action;
  const webview = { prevented: false, preventDefault() { this.prevented = true; } };
  contents.ev['will-attach-webview'](webview); out.webviewPrevented = webview.prevented;
  appEvents['second-instance'][0](); out.focused = win.calls;
  const quit = { prevented: false, preventDefault() { this.prevented = true; } };
  appEvents['will-quit'][0](quit);
  for (let i = 0; i < 300 && !out.log.includes('quit'); i++) await new Promise((r) => setTimeout(r, 50));
  out.quitHeld = quit.prevented;
  process.stdout.write(JSON.stringify(out));
})();
`;

function runMain(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(outdir, 'harness.cjs')], {
    encoding: 'utf8',
    env: { ...process.env, ...env, CARTERA_NATIVE_BINDING: '' },
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('Electron main process wiring (bundled, fake electron)', () => {
  beforeAll(async () => {
    await buildElectron({ quiet: true, outdir });
    fs.writeFileSync(path.join(outdir, 'harness.cjs'), HARNESS);
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('bundles main, preload and the engine so that only Node built-ins, electron and better-sqlite3 are left to require', () => {
    const expected: Record<string, string[]> = {
      'main.cjs': ['electron'],
      'preload.cjs': ['electron'],
      'engine.cjs': ['better-sqlite3'],
      'engine-worker.cjs': ['better-sqlite3'],
    };
    for (const file of Object.keys(expected)) {
      const requires = new Set([...fs.readFileSync(path.join(outdir, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
      const external = [...requires].filter((r) => !r!.startsWith('node:') && !builtinModules.includes(r!));
      expect(external.sort(), file).toEqual(expected[file]);
    }
  });

  it('runs the app: hardened window, checked IPC, guards, single instance, clean quit', () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-main-'));
    const out = runMain({ APP_PATH: root, USER_DATA: userData, CARTERA_DB: '' });
    expect(out.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: path.join(outdir, 'preload.cjs'),
    });
    expect(out.loaded).toBe(path.join(root, 'dist', 'renderer', 'index.html'));
    expect(out.log).toContain('enableSandbox');
    expect(out.trusted).toMatchObject({ ok: true });
    expect(out.untrusted).toEqual(['refused: forbidden sender', 'refused: forbidden sender', 'refused: forbidden sender']);
    expect(out.granted).toBe(false);
    expect(out.checked).toBe(false);
    expect(out.navigationPrevented).toBe(true);
    expect(out.windowOpen).toBe('deny');
    expect(out.webviewPrevented).toBe(true);
    expect(out.focused).toEqual(['restore', 'show', 'focus']);
    expect(out.menu).toEqual(['File', 'Edit', 'View', 'Window']);
    expect(out.engineForked).toBe('engine.cjs'); // the core runs in its own process
    // books: once the file is open the File menu offers new / open / recent (none yet besides this one)
    expect(out.fileMenu).toEqual(['New book…', 'Open book…', 'Recent books', 'separator', 'Quit']);
    expect(out.quitHeld).toBe(true);
    expect(out.log).toContain('quit');
    expect(out.log.filter((l: string) => l.startsWith('openExternal'))).toEqual([]); // the user said Cancel
    expect(fs.existsSync(path.join(userData, 'cartera.sqlite'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'books.json'), 'utf8')).last).toBe(path.join(userData, 'cartera.sqlite'));
  });

  it('keeps the window up and answers every call with the database error when the file will not open', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-main-'));
    const file = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(file, 'not a database at all'.repeat(200));
    const out = runMain({ APP_PATH: root, USER_DATA: dir, CARTERA_DB: file });
    expect(out.loaded).toBeDefined();
    expect(out.trusted).toMatchObject({ ok: false, error: { code: 'database', key: 'error.db.not_sqlite' } });
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database at all'.repeat(200));
  });
});
