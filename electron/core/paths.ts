import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Cartera';
export const DATA_FILE_NAME = 'cartera.sqlite';

type Env = Record<string, string | undefined>;

/**
 * The per-user folder the OS gives applications, the same one Electron's app.getPath('userData')
 * returns for "Cartera" — computed without Electron so the CLI and `npm run web` find the same file.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: Env = process.env, home: string = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

/** `<data dir>/cartera.sqlite`, unless CARTERA_DB names another file. */
export function defaultDataFile(platform: NodeJS.Platform = process.platform, env: Env = process.env, home: string = os.homedir()): string {
  if (env.CARTERA_DB) return path.resolve(env.CARTERA_DB);
  const dir = defaultDataDir(platform, env, home);
  return platform === 'win32' ? path.win32.join(dir, DATA_FILE_NAME) : path.posix.join(dir, DATA_FILE_NAME);
}
