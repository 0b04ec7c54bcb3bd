import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

/**
 * The few lines of electron-builder.yml this test needs, read by hand (no YAML parser is a direct
 * dependency): top-level `key: value` pairs and the block under one top-level key. Comments and
 * quotes are stripped; anything else in the file is not this test's business.
 */
function topLevel(text: string): { scalars: Map<string, string[]>; block(key: string): Map<string, string> } {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+#.*$/, '').replace(/^#.*$/, ''));
  const scalars = new Map<string, string[]>();
  for (const l of lines) {
    const m = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(l);
    if (m) scalars.set(m[1]!, [...(scalars.get(m[1]!) ?? []), m[2]!.trim()]);
  }
  return {
    scalars,
    block(key) {
      const out = new Map<string, string>();
      const start = lines.findIndex((l) => l === `${key}:`);
      if (start === -1) return out;
      for (const l of lines.slice(start + 1)) {
        if (l.trim() === '') continue;
        if (!/^\s/.test(l)) break;
        const m = /^\s+([A-Za-z]\w*):\s*['"]?([^'"]*)['"]?\s*$/.exec(l);
        if (m) out.set(m[1]!, m[2]!);
      }
      return out;
    },
  };
}

describe('packaged app: Electron fuses', () => {
  const config = topLevel(yml);
  const fuses = config.block('electronFuses');

  it('turns the binary into "the app only": no Node mode, no NODE_OPTIONS, no inspector, code only from an integrity-checked asar, encrypted cookies', () => {
    expect(Object.fromEntries(fuses)).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
    // a second top-level electronFuses (or asar) would silently win in YAML
    expect(config.scalars.get('electronFuses')).toEqual(['']);
    expect(config.scalars.get('asar')).toEqual(['true']); // onlyLoadAppFromAsar needs the app in app.asar
  });

  it('uses only fuse names electron-builder knows (a typo would be ignored at build time)', () => {
    const require = createRequire(import.meta.url);
    const scheme = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(fuses.size).toBeGreaterThanOrEqual(6);
    for (const name of fuses.keys()) expect(known, name).toContain(name);
    for (const value of fuses.values()) expect(['true', 'false']).toContain(value);
  });
});
