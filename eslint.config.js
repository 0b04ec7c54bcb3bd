// Lint: typescript-eslint's recommended rules plus the layer rules of design.md §1, enforced with
// per-folder `no-restricted-imports`. In flat config a later block's options for a rule replace the
// earlier ones, so each folder below lists its whole set of restrictions.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.filter((m) => !m.startsWith('_')))];

const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main.ts, electron/preload.ts and electron/shell/** may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only electron/main.ts, electron/preload.ts and electron/shell/** may import electron.' }],
};

// What the renderer (a browser page) must not reach: Node, the database, Electron, the core.
const browserSafe = {
  paths: [
    ...noElectron.paths,
    ...nodeBuiltins.map((name) => ({ name, message: 'No Node built-ins here: this layer runs in the browser/renderer.' })),
    { name: 'better-sqlite3', message: 'The database is reached through the API, never directly.' },
    { name: 'kysely', message: 'The database is reached through the API, never directly.' },
  ],
  patterns: [
    ...noElectron.patterns,
    { regex: '^node:', message: 'No Node built-ins here: this layer runs in the browser/renderer.' },
    { group: ['better-sqlite3/*', 'kysely/*'], message: 'The database is reached through the API, never directly.' },
    { regex: '^#core/', message: 'electron/core is Node-only; use the API contract in #shared/contract.' },
    { regex: '^\\.{1,2}/(.+/)?electron(/|$)', message: 'Do not import from electron/: talk to it through the API.' },
  ],
};

// shared/ is plain TypeScript: on top of the above, no UI framework and nothing from the renderer.
const plainTs = {
  paths: [...browserSafe.paths, ...['react', 'react-dom', 'zustand'].map((name) => ({ name, message: 'shared/ is plain TypeScript: no UI framework.' }))],
  patterns: [
    ...browserSafe.patterns,
    { group: ['react/*', 'react-dom/*', 'zustand/*', '@mantine/*'], message: 'shared/ is plain TypeScript: no UI framework.' },
    { regex: '^\\.{1,2}/(.+/)?renderer(/|$)', message: 'shared/ may not import the renderer.' },
  ],
};

// Node globals for the plain .js/.mjs scripts (TypeScript files get theirs from @types/node).
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'fetch',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
    '__dirname',
    '__filename',
    'require',
    'module',
    'globalThis',
  ].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', '**/node_modules/**', '.cache/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // matching control characters on purpose is how imports and links are sanitised
      'no-control-regex': 'off',
    },
  },
  {
    // Kysely's own advice: migrations are frozen in time and typed against `Kysely<any>`, not today's schema
    files: ['electron/core/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  { files: ['**/*.{ts,tsx,js,mjs,cjs}'], rules: { 'no-restricted-imports': ['error', noElectron] } },
  { files: ['renderer/**/*.{ts,tsx,js,mjs,cjs}'], rules: { 'no-restricted-imports': ['error', browserSafe] } },
  { files: ['shared/**/*.{ts,tsx,js,mjs,cjs}'], rules: { 'no-restricted-imports': ['error', plainTs] } },
  {
    // the Electron shell: the only place electron may be imported
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.{1,2}/(.+/)?renderer(/|$)', message: 'The shell talks to the renderer over IPC only.' }] }],
    },
  },
);
