// Bundles the Electron main process and preload into dist-electron/*.cjs with esbuild.
// CommonJS because Electron's sandboxed preload cannot load ES modules, and one format for both keeps
// it simple. `#shared/*` and `#core/*` resolve through package.json "imports" (esbuild reads them).
// Externals: electron (provided at runtime) and better-sqlite3 (a native module, loaded with the
// Electron build passed as nativeBinding; its JS stays in node_modules, which the package ships).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildElectron({ quiet = false, outdir = 'dist-electron' } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    external: ['electron', 'better-sqlite3'],
    logLevel: quiet ? 'warning' : 'info',
    // import.meta does not exist in CommonJS: give code that uses import.meta.url a real value
    define: { 'import.meta.url': '__cartera_import_meta_url' },
    banner: { js: 'const __cartera_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  };
  // the engine process (utilityProcess) and the worker thread of its long operations: plain Node
  await build({
    ...common,
    entryPoints: { main: 'electron/main.ts', engine: 'electron/core/engine/entry.ts', 'engine-worker': 'electron/core/engine/worker.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
  });
  // The preload runs sandboxed: no Node built-ins beyond a few, so nothing but `electron` may stay external.
  await build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    banner: {},
    define: {},
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
