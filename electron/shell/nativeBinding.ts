import path from 'node:path';

/**
 * Where the Electron build of better_sqlite3.node is (design.md §4). node_modules keeps the Node build
 * for tests and the CLI; the app never loads that one.
 * - packaged: shipped by electron-builder as an extra resource, `<resources>/native/better_sqlite3.node`
 * - development: `npm start` prepares it in .cache/electron-native and passes CARTERA_NATIVE_BINDING
 * Returns undefined when nothing is configured: better-sqlite3 then tries its own build and the open
 * fails with a clear database error rather than a crash.
 */
export function resolveNativeBinding(opts: { isPackaged: boolean; resourcesPath: string; env: Record<string, string | undefined> }): string | undefined {
  if (opts.isPackaged) return path.join(opts.resourcesPath, 'native', 'better_sqlite3.node');
  const fromEnv = opts.env.CARTERA_NATIVE_BINDING;
  return fromEnv ? path.resolve(fromEnv) : undefined;
}
