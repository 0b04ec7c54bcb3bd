// `npm start`: build and open the Electron app. If there is no Electron binary (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD or offline), say so and point to `npm run web`, which serves the same
// app to a browser. The Electron build of better-sqlite3 lives in .cache and is passed by env var, so
// node_modules keeps the Node build and `npm test` works before or after `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { ensureElectronNative } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron executable, or null when the package is there without its binary. */
export function electronBinary() {
  try {
    const p = require('electron'); // in Node this package exports the binary's path
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** Runs vite's own CLI with this Node (no npx: works the same on Windows). */
export function viteBuild() {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

async function main() {
  const electron = electronBinary();
  if (!electron) {
    console.error(
      [
        'Electron is not installed here (node_modules/electron has no binary), so the desktop app cannot open.',
        '  - `npm run web` serves the same app in your browser on 127.0.0.1.',
        '  - To get Electron, run `npm install` with internet access (without ELECTRON_SKIP_BINARY_DOWNLOAD).',
      ].join('\n'),
    );
    return 1;
  }
  const nativeBinding = ensureElectronNative();
  viteBuild();
  await buildElectron({ quiet: true });
  const env = { ...process.env, CARTERA_NATIVE_BINDING: nativeBinding };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary behave as plain Node
  const child = spawn(electron, ['.'], { cwd: root, env, stdio: 'inherit', windowsHide: false });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return new Promise((resolve) => {
    child.on('error', (e) => {
      console.error(`Could not start Electron: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
