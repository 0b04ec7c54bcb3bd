// Types for the plain-JS script, so tests (TypeScript) can import its pure helpers.
export declare const ELECTRON_HEADERS_URL: string;
export declare function cacheKey(v: { electronVersion: string; betterSqliteVersion: string; platform: string; arch: string }): string;
export declare function cacheFile(root: string, key: string): string;
export declare function prebuildArgs(v: { electronVersion: string; platform: string; arch: string }): string[];
export declare function nodeGypArgs(v: { electronVersion: string; arch: string; devdir: string }): string[];
export declare function childEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function nodeGypCandidates(v: { env: Record<string, string | undefined>; execPath: string; root: string }): string[];
export declare function looksNative(buf: Buffer | null | undefined, platform: string): boolean;
export declare function ensureElectronNative(opts?: { root?: string; platform?: string; arch?: string; log?: (message: string) => void }): string;
