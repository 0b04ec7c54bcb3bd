import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRendererBuildFresh, rendererSourcesHash, RENDERER_SOURCES, writeRendererStamp } from '../../scripts/renderer-stamp.mjs';

/** `npm run web` skips the Vite build only when the last build saw exactly these sources. */
function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-stamp-'));
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  put('renderer/index.html', '<html></html>');
  put('renderer/app/App.tsx', 'export const a = 1;');
  put('shared/domain/money.ts', 'export const m = 1;');
  put('vite.config.ts', 'export default {};');
  put('package.json', '{}');
  put('package-lock.json', '{"lockfileVersion":3}');
  put('electron/core/api.ts', 'server code');
  const out = path.join(root, 'dist', 'renderer');
  put('dist/renderer/index.html', '<html>built</html>');
  return { root, out, put };
}

describe('renderer build stamp (npm run web)', () => {
  it('covers the renderer, shared code, the Vite config, package.json and the lockfile', () => {
    expect([...RENDERER_SOURCES].sort()).toEqual(['package-lock.json', 'package.json', 'renderer', 'shared', 'vite.config.ts']);
  });

  it('is stale with no stamp, fresh after stamping, stale again when any source changes', () => {
    const { root, out, put } = project();
    expect(isRendererBuildFresh(root, out)).toBe(false);
    writeRendererStamp(root, out);
    expect(isRendererBuildFresh(root, out)).toBe(true);
    for (const [rel, text] of [
      ['renderer/app/App.tsx', 'export const a = 2;'],
      ['renderer/index.html', '<html lang="es"></html>'],
      ['shared/domain/money.ts', 'export const m = 2;'],
      ['renderer/features/new/Thing.tsx', 'new file'],
      ['vite.config.ts', 'export default { base: "./" };'],
      ['package-lock.json', '{"lockfileVersion":3,"x":1}'],
    ] as const) {
      writeRendererStamp(root, out);
      put(rel, text);
      expect(isRendererBuildFresh(root, out), rel).toBe(false);
    }
  });

  it('ignores what the bundle does not contain and file times; needs the built index.html', () => {
    const { root, out, put } = project();
    writeRendererStamp(root, out);
    put('electron/core/api.ts', 'changed server code');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'renderer/app/App.tsx'), later, later); // touched, same content
    expect(isRendererBuildFresh(root, out)).toBe(true);
    fs.rmSync(path.join(out, 'index.html'));
    expect(isRendererBuildFresh(root, out)).toBe(false);
  });

  it('hashes a renamed file differently (the path is part of the hash)', () => {
    const { root } = project();
    const before = rendererSourcesHash(root);
    fs.renameSync(path.join(root, 'renderer/app/App.tsx'), path.join(root, 'renderer/app/Main.tsx'));
    expect(rendererSourcesHash(root)).not.toBe(before);
  });
});
