// `npm run dist`: installers for the current platform (Windows NSIS, macOS DMG, Linux AppImage) in
// release/. The Electron build of better-sqlite3 is prepared (cached) and staged at
// dist/native/better_sqlite3.node, which electron-builder.yml ships as an extra resource; npmRebuild is
// off, so node_modules' Node build is never rebuilt in place.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { ensureElectronNative } from './electron-native.mjs';
import { viteBuild } from './start.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const PLATFORM_FLAG = { win32: '--win', darwin: '--mac', linux: '--linux' };

async function main() {
  const flag = PLATFORM_FLAG[process.platform];
  if (!flag) throw new Error(`no installer target for ${process.platform}`);
  const nativeBinding = ensureElectronNative();
  viteBuild();
  await buildElectron({ quiet: true });
  const staged = path.join(root, 'dist', 'native', 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(staged), { recursive: true });
  fs.copyFileSync(nativeBinding, staged);
  const cli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const r = spawnSync(process.execPath, [cli, flag, '--config', 'electron-builder.yml', '--publish', 'never'], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
