import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Its own output folder, so a browser run never races `npm run build` writing dist/renderer. */
export const E2E_RENDERER_DIR = path.join(ROOT, 'dist', 'e2e-renderer');
const STAMP = path.join(E2E_RENDERER_DIR, '.built-at');
const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json'];

function newestMtime(p: string): number {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Builds the renderer with Vite unless the last build is newer than every source file. */
export async function buildRendererIfNeeded(): Promise<string> {
  const builtAt = fs.existsSync(STAMP) ? fs.statSync(STAMP).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map(newestMtime));
  if (builtAt > sourcesAt && fs.existsSync(path.join(E2E_RENDERER_DIR, 'index.html'))) return E2E_RENDERER_DIR;
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    root: path.join(ROOT, 'renderer'),
    logLevel: 'warn',
    build: { outDir: E2E_RENDERER_DIR, emptyOutDir: true },
  });
  fs.writeFileSync(STAMP, new Date().toISOString());
  return E2E_RENDERER_DIR;
}
