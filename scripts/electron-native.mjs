// Prepares the Electron build of better-sqlite3's native module (design.md §4) without touching the
// Node build in node_modules, which tests and the CLI keep using. The result is cached per Electron
// version, better-sqlite3 version, platform and arch:
//   .cache/electron-native/<electron>-<better-sqlite3>-<platform>-<arch>/better_sqlite3.node
// Made in a scratch copy of node_modules/better-sqlite3: first `prebuild-install --runtime=electron`
// (downloads the maintainers' prebuilt binary), else `node-gyp rebuild` against Electron's headers.
//
//   node scripts/electron-native.mjs [--platform P] [--arch A]     prints the path on success
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
const BINARY = 'better_sqlite3.node';

export function cacheKey({ electronVersion, betterSqliteVersion, platform, arch }) {
  return `${electronVersion}-${betterSqliteVersion}-${platform}-${arch}`;
}

export function cacheFile(root, key) {
  return path.join(root, '.cache', 'electron-native', key, BINARY);
}

export function prebuildArgs({ electronVersion, platform, arch }) {
  return ['--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`, '--verbose'];
}

export function nodeGypArgs({ electronVersion, arch, devdir }) {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    `--devdir=${devdir}`,
  ];
}

// Settings npm passes to scripts as npm_config_* (a user's `nodedir=/usr`, `target`, `runtime`…)
// override node-gyp's command line and would silently build against Node's headers instead. The
// children get none of them, except network and cache settings the downloads need.
const KEEP = new Set(['proxy', 'https_proxy', 'http_proxy', 'noproxy', 'no_proxy', 'cafile', 'ca', 'strict_ssl', 'cache', 'local_address', 'loglevel']);
export function childEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    const m = /^npm_config_(.*)$/i.exec(k);
    if (m && !KEEP.has(m[1].toLowerCase())) continue;
    if (/^npm_package_/i.test(k) || /^npm_lifecycle_/i.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/** Where node-gyp may be: npm tells scripts (npm_config_node_gyp); else ours; else the one inside npm. */
export function nodeGypCandidates({ env, execPath, root }) {
  const nodeDir = path.dirname(execPath);
  const list = [];
  if (env.npm_config_node_gyp) list.push(env.npm_config_node_gyp);
  list.push(path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  if (env.npm_execpath) list.push(path.join(path.dirname(path.dirname(env.npm_execpath)), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  list.push(path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')); // unix
  list.push(path.join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')); // windows
  return list;
}

/** A loadable library for the platform, not an HTML error page or an empty file. */
export function looksNative(buf, platform) {
  if (!buf || buf.length < 1024) return false;
  const head = buf.subarray(0, 4).toString('hex');
  if (platform === 'win32') return buf.subarray(0, 2).toString('latin1') === 'MZ';
  if (platform === 'darwin') return ['cffaedfe', 'cefaedfe', 'cafebabe'].includes(head);
  return head === '7f454c46'; // ELF
}

function versionOf(root, pkg) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** Returns the path of the Electron build, making it if it is not cached yet. Throws with a clear message. */
export function ensureElectronNative({ root = ROOT, platform = process.platform, arch = process.arch, log = (m) => console.log(m) } = {}) {
  const electronVersion = versionOf(root, 'electron');
  const betterSqliteVersion = versionOf(root, 'better-sqlite3');
  const key = cacheKey({ electronVersion, betterSqliteVersion, platform, arch });
  const target = cacheFile(root, key);
  if (fs.existsSync(target) && looksNative(fs.readFileSync(target), platform)) {
    log(`Electron native module: using cached ${path.relative(root, target)}`);
    return target;
  }
  log(`Electron native module: preparing better-sqlite3 ${betterSqliteVersion} for Electron ${electronVersion} (${platform}-${arch})…`);
  const scratch = path.join(root, '.cache', 'electron-native', `${key}.work-${process.pid}`);
  const moduleDir = path.join(scratch, 'better-sqlite3');
  fs.rmSync(scratch, { recursive: true, force: true });
  // everything but the Node build, so a stale build/ can never pass for the Electron one
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), moduleDir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}better-sqlite3${path.sep}build`),
  });
  const built = path.join(moduleDir, 'build', 'Release', BINARY);
  const env = childEnv(process.env);
  const failures = [];
  try {
    log('  trying a prebuilt binary (prebuild-install)…');
    const prebuild = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
    const r = run(process.execPath, [prebuild, ...prebuildArgs({ electronVersion, platform, arch })], moduleDir, env);
    if (r === 0 && fs.existsSync(built) && looksNative(fs.readFileSync(built), platform)) return install(built, target, scratch, log);
    failures.push(`prebuild-install: ${r === 0 ? 'no usable binary' : `exit ${r}`}`);

    if (platform !== process.platform) throw new Error(`cannot compile for ${platform} on ${process.platform}`);
    const gyp = nodeGypCandidates({ env: process.env, execPath: process.execPath, root }).find((p) => fs.existsSync(p));
    if (!gyp) {
      failures.push('node-gyp: not found (it ships with npm)');
    } else {
      log(`  no prebuilt binary; compiling with node-gyp against Electron ${electronVersion} headers…`);
      const devdir = path.join(root, '.cache', 'electron-native', 'headers');
      const g = run(process.execPath, [gyp, ...nodeGypArgs({ electronVersion, arch, devdir })], moduleDir, env);
      if (g === 0 && fs.existsSync(built) && looksNative(fs.readFileSync(built), platform)) return install(built, target, scratch, log);
      failures.push(`node-gyp: ${g === 0 ? 'no usable binary' : `exit ${g}`}`);
    }
  } catch (e) {
    failures.push(e instanceof Error ? e.message : String(e));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  throw new Error(
    `Could not prepare better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}).\n` +
      `  ${failures.join('\n  ')}\n` +
      'The first `npm start` needs internet access to download the prebuilt module, or a C++ build toolchain\n' +
      '(Python 3 and make/gcc, Xcode Command Line Tools, or Visual Studio Build Tools) to compile it.\n' +
      '`npm test` and `npm run web` do not need it.',
  );
}

function run(cmd, args, cwd, env) {
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return r.error ? -1 : (r.status ?? -1);
}

function install(built, target, scratch, log) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.copyFileSync(built, tmp);
  fs.renameSync(tmp, target); // atomic: a concurrent start never sees half a file
  fs.rmSync(scratch, { recursive: true, force: true });
  log(`Electron native module: ready at ${target}`);
  return target;
}

function cliArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--arch' || argv[i] === '--platform') out[argv[i].slice(2)] = argv[++i];
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    // progress on stderr, the path alone on stdout (for scripts that capture it)
    console.log(ensureElectronNative({ ...cliArgs(process.argv.slice(2)), log: (m) => console.error(m) }));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
