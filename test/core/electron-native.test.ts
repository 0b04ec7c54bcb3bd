import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cacheFile,
  cacheKey,
  childEnv,
  ensureElectronNative,
  looksNative,
  nodeGypArgs,
  nodeGypCandidates,
  prebuildArgs,
} from '../../scripts/electron-native.mjs';

/** The parts of the Electron native-module preparation that can be checked without a network. */
describe('electron native module preparation', () => {
  const v = { electronVersion: '41.0.4', betterSqliteVersion: '12.11.1', platform: 'win32', arch: 'x64' };

  it('caches per Electron version, better-sqlite3 version, platform and arch', () => {
    expect(cacheKey(v)).toBe('41.0.4-12.11.1-win32-x64');
    expect(cacheFile('/repo', cacheKey(v))).toBe(path.join('/repo', '.cache', 'electron-native', '41.0.4-12.11.1-win32-x64', 'better_sqlite3.node'));
  });

  it('asks prebuild-install for the Electron runtime at the exact version', () => {
    expect(prebuildArgs(v)).toEqual(expect.arrayContaining(['--runtime=electron', '--target=41.0.4', '--arch=x64', '--platform=win32']));
  });

  it('compiles against Electron headers, not Node, when it must build', () => {
    const args = nodeGypArgs({ electronVersion: '41.0.4', arch: 'arm64', devdir: '/c/h' });
    expect(args[0]).toBe('rebuild');
    expect(args).toEqual(
      expect.arrayContaining(['--target=41.0.4', '--arch=arm64', '--dist-url=https://electronjs.org/headers', '--devdir=/c/h', '--release']),
    );
  });

  it("drops npm's config variables that would override those flags, keeping network settings", () => {
    const env = childEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cache: '/c',
      npm_package_name: 'cartera',
      HOME: '/h',
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_https_proxy: 'http://proxy:3128', npm_config_cache: '/c', HOME: '/h' });
  });

  it('looks for node-gyp where npm keeps it', () => {
    const list = nodeGypCandidates({
      env: { npm_config_node_gyp: '/npm/node-gyp.js', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
      execPath: '/usr/bin/node',
      root: '/repo',
    });
    expect(list[0]).toBe('/npm/node-gyp.js');
    expect(list).toContain(path.join('/usr/lib/node_modules/npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
    expect(list).toContain(path.join('/repo', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  });

  it('accepts only a real library for the platform', () => {
    const pad = (head: number[]) => Buffer.concat([Buffer.from(head), Buffer.alloc(2048)]);
    expect(looksNative(pad([0x7f, 0x45, 0x4c, 0x46]), 'linux')).toBe(true);
    expect(looksNative(pad([0x4d, 0x5a]), 'win32')).toBe(true);
    expect(looksNative(pad([0xcf, 0xfa, 0xed, 0xfe]), 'darwin')).toBe(true);
    expect(looksNative(pad([0x7f, 0x45, 0x4c, 0x46]), 'win32')).toBe(false);
    expect(looksNative(Buffer.from('<html>Not Found</html>'.repeat(100)), 'linux')).toBe(false);
    expect(looksNative(Buffer.alloc(0), 'linux')).toBe(false);
  });

  it('uses a cached build without running any tool', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-native-'));
    for (const [name, version] of [
      ['electron', '41.0.4'],
      ['better-sqlite3', '12.11.1'],
    ]) {
      fs.mkdirSync(path.join(root, 'node_modules', name!), { recursive: true });
      fs.writeFileSync(path.join(root, 'node_modules', name!, 'package.json'), JSON.stringify({ name, version }));
    }
    const cached = cacheFile(root, cacheKey({ ...v, platform: 'linux' }));
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(cached, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(4096)]));
    const log: string[] = [];
    expect(ensureElectronNative({ root, platform: 'linux', arch: 'x64', log: (m) => log.push(m) })).toBe(cached);
    expect(log.join('\n')).toMatch(/using cached/);
  });
});
