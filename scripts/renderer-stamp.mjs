// Whether dist/renderer was built from the sources as they are now, so `npm run web` can skip a
// 4–6 s Vite build and print the URL at once. The stamp is a SHA-256 over the content (not the
// mtimes: a checkout or a copy changes mtimes without changing anything) of everything that goes
// into the renderer bundle: renderer/ (with index.html), shared/, the Vite config, package.json (its
// `imports` map resolves #shared) and the lockfile (another Vite, React or Mantine is another bundle). Vite's emptyOutDir deletes the stamp
// whenever another command (npm start, npm run build) rebuilds the folder, so it can never vouch
// for a build it did not see.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const RENDERER_SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json', 'package-lock.json'];
export const STAMP_NAME = '.sources-sha256';

function filesOf(root, rel, out) {
  const full = path.join(root, rel);
  let st;
  try {
    st = fs.statSync(full);
  } catch {
    return; // a missing source (no lockfile yet) is hashed as absent
  }
  if (st.isDirectory()) {
    for (const entry of fs.readdirSync(full).sort()) filesOf(root, path.posix.join(rel, entry), out);
  } else if (st.isFile()) out.push(rel);
}

/** The hash of the renderer's sources under `root`. */
export function rendererSourcesHash(root, sources = RENDERER_SOURCES) {
  const hash = crypto.createHash('sha256');
  const files = [];
  for (const s of sources) filesOf(root, s, files);
  for (const rel of files) {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** True when `outDir` holds a build (index.html) whose stamp matches the sources now. */
export function isRendererBuildFresh(root, outDir, sources = RENDERER_SOURCES) {
  try {
    if (!fs.statSync(path.join(outDir, 'index.html')).isFile()) return false;
    return fs.readFileSync(path.join(outDir, STAMP_NAME), 'utf8').trim() === rendererSourcesHash(root, sources);
  } catch {
    return false;
  }
}

/** Called right after a successful build of `outDir` from the sources under `root`. */
export function writeRendererStamp(root, outDir, sources = RENDERER_SOURCES) {
  fs.writeFileSync(path.join(outDir, STAMP_NAME), `${rendererSourcesHash(root, sources)}\n`);
}
