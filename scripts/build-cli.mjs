// Bundles the `cartera` command into dist-cli/ with esbuild, so the CLI starts as compiled JavaScript
// instead of compiling TypeScript with tsx at every run. Run by npm `prepare` (so `npm ci` on a fresh
// clone builds it) and by `npm run build`.
// ESM with code splitting: what a command loads only on first use (dynamic import) becomes its own chunk.
// External: better-sqlite3 (native module) and the big libraries, which Node loads from node_modules
// only when a command needs them (an XLSX export, a PDF, an import…), never for `--help`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CLI_EXTERNAL = ['better-sqlite3', 'exceljs', 'pdfmake', 'pdfmake/*', 'csv-parse', 'csv-parse/*', 'fflate', 'iconv-lite', 'date-holidays'];

export async function buildCli({ quiet = false, outdir = path.join(root, 'dist-cli') } = {}) {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: { cartera: 'electron/core/cli/entry.ts' },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // less text for Node to compile at every start; identifiers stay, so stack traces still read
    minifyWhitespace: true,
    minifySyntax: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: CLI_EXTERNAL,
    // bundled CommonJS code (zod, kysely are ESM; some helpers are not) may call require()
    banner: { js: "import { createRequire as __carteraCreateRequire } from 'node:module'; const require = __carteraCreateRequire(import.meta.url);" },
    logLevel: quiet ? 'warning' : 'info',
  });
  return outdir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli({ quiet: process.argv.includes('--quiet') }).catch((e) => {
    if (e?.code === 'ERR_MODULE_NOT_FOUND') {
      // an install without dev dependencies: nothing to build with; bin/cartera.mjs says what to do
      console.warn('cartera: esbuild is not installed, the CLI bundle was not built (run `npm install` with dev dependencies)');
      return;
    }
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
