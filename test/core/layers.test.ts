import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of design.md §1 live in eslint.config.js. Each case lints a one-line snippet as if it
 * were a file in the given folder (nothing is written to disk) and checks that no-restricted-imports
 * fires, or stays quiet, as the layering demands.
 */
const root = path.resolve(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, { filePath: path.join(root, file) });
  expect(result, `${file} was not linted`).toBeDefined();
  const messages = result!.messages;
  const fatal = messages.filter((m) => m.fatal || m.message.startsWith('File ignored'));
  expect(fatal, `${file}: ${fatal.map((m) => m.message).join('; ')}`).toEqual([]);
  return messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const nodeBuiltins = [
  "import fs from 'node:fs';",
  "import fs from 'fs';",
  "import { readFile } from 'fs/promises';",
  "import path from 'path';",
  "import os from 'os';",
  "import { spawn } from 'child_process';",
  "import crypto from 'crypto';",
  "import http from 'http';",
  "import https from 'https';",
  "import net from 'net';",
  "import { URL } from 'url';",
  "import util from 'util';",
  "import { Readable } from 'stream';",
  "import { Worker } from 'worker_threads';",
  "import zlib from 'zlib';",
  "import { createHash } from 'node:crypto';",
  "export { readFileSync } from 'node:fs';",
];
const backend = [
  "import Database from 'better-sqlite3';",
  "import { Kysely } from 'kysely';",
  "import { sql } from 'kysely/helpers/sqlite';",
  "import { app } from 'electron';",
  "import { ipcRenderer } from 'electron/renderer';",
  "export * from 'electron';",
  "import { openCore } from '#core/app';",
  "import type { Core } from '#core/app';",
];
const intoElectron = (depth: number) => [
  `import { dispatch } from '${'../'.repeat(depth)}electron/core/api';`,
  `import { x } from '${'../'.repeat(depth)}electron/shell/links';`,
  `import main from '${'../'.repeat(depth)}electron/main';`,
];
const ui = [
  "import React from 'react';",
  "import { createRoot } from 'react-dom/client';",
  "import { create } from 'zustand';",
  "import { createStore } from 'zustand/vanilla';",
  "import { Button } from '@mantine/core';",
];

describe('layer rules: renderer/ runs in the browser', () => {
  const file = 'renderer/features/clients/Probe.tsx';
  it.each([...nodeBuiltins, ...backend, ...intoElectron(3)])('forbids %s', async (code) => {
    expect(await restricted(file, code)).not.toEqual([]);
  });
  it('forbids it at any depth', async () => {
    expect(await restricted('renderer/Probe.ts', intoElectron(1)[0]!)).not.toEqual([]);
    expect(await restricted('renderer/api/Probe.ts', "import fs from 'node:fs';")).not.toEqual([]);
  });
  it.each([
    "import React from 'react';",
    "import { create } from 'zustand';",
    "import { Button } from '@mantine/core';",
    "import { contract } from '#shared/contract/index';",
    "import type { CarteraBridge } from '#shared/contract/bridge';",
    "import { call } from '../../api/client';",
    "import { z } from 'zod';",
  ])('allows %s', async (code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});

describe('layer rules: shared/ is plain TypeScript', () => {
  const file = 'shared/domain/probe.ts';
  it.each([...nodeBuiltins, ...backend, ...intoElectron(2), ...ui, "import { call } from '../../renderer/api/client';"])('forbids %s', async (code) => {
    expect(await restricted(file, code)).not.toEqual([]);
  });
  it.each(["import { z } from 'zod';", "import { addDays } from '#shared/domain/dates';", "import { op } from '../contract/op';"])(
    'allows %s',
    async (code) => {
      expect(await restricted(file, code)).toEqual([]);
    },
  );
});

describe('layer rules: only the Electron shell imports electron', () => {
  it.each([
    'electron/core/app.ts',
    'electron/core/payments/probe.ts',
    'electron/core/cli/main.ts',
    'scripts/probe.mjs',
    'bin/probe.mjs',
    'test/core/probe.test.ts',
    'test/e2e/probe.test.ts',
    'test/renderer/probe.test.tsx',
    'vite.config.ts',
  ])('forbids electron in %s', async (file) => {
    expect(await restricted(file, "import { app } from 'electron';")).not.toEqual([]);
    expect(await restricted(file, "import { ipcMain } from 'electron/main';")).not.toEqual([]);
  });

  it.each(['electron/main.ts', 'electron/preload.ts', 'electron/shell/probe.ts', 'electron/shell/deeper/probe.ts'])('allows electron in %s', async (file) => {
    expect(await restricted(file, "import { app } from 'electron';")).toEqual([]);
  });

  it('lets the core use Node, the database and shared code', async () => {
    const code = [
      "import fs from 'node:fs';",
      "import Database from 'better-sqlite3';",
      "import { Kysely } from 'kysely';",
      "import { contract } from '#shared/contract/index';",
    ].join('\n');
    expect(await restricted('electron/core/probe.ts', code)).toEqual([]);
  });
});
