#!/usr/bin/env node
// `npm run web [-- --db FILE] [-- --port N]`: the same app as Electron, served to a browser on
// 127.0.0.1 through the loopback HTTP transport. Builds the renderer (unless its sources are unchanged
// since the last build), opens the core, prints the URL: it carries a one-time key, so only the browser
// of whoever reads this terminal gets into the book.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { isRendererBuildFresh, writeRendererStamp } from './renderer-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let args;
try {
  ({ values: args } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
} catch (e) {
  console.error(`${e.message}\nUsage: npm run web -- [--db FILE] [--port N]`);
  process.exit(2);
}
if (args.help) {
  console.log(
    'Usage: npm run web -- [--db FILE] [--port N]\nServes Cartera to your browser on 127.0.0.1. Without --db it opens the book the desktop app opened last.',
  );
  process.exit(0);
}
const port = args.port === undefined ? 0 : Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number between 0 and 65535, not "${args.port}"`);
  process.exit(2);
}

const staticDir = path.join(root, 'dist', 'renderer');
if (isRendererBuildFresh(root, staticDir)) {
  console.log('The interface is up to date (sources unchanged since the last build).');
} else {
  console.log('Building the interface…');
  const { build } = await import('vite');
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'renderer'),
    logLevel: 'warn',
    build: { outDir: staticDir, emptyOutDir: true },
  });
  writeRendererStamp(root, staticDir);
}

register();
const { startWebServer } = await import('../electron/core/http.ts');
const { startupBook } = await import('../electron/core/books/recent.ts');
const { defaultDataDir, defaultDataFile } = await import('../electron/core/paths.ts');
const { engineClient, forkEngine } = await import('../electron/core/engine/client.ts');

// books.json (recent books) lives with the desktop app's settings, so both list the same books
const stateDir = process.env.CARTERA_STATE_DIR || defaultDataDir();
const file = startupBook(stateDir, args.db ?? process.env.CARTERA_DB, defaultDataFile());
fs.mkdirSync(path.dirname(file), { recursive: true });
// the same engine process as the desktop app (backups at start and on quit; a damaged file is not
// fatal: the page explains it and offers the latest good backup; Settings → Books opens or creates
// others), so this server's thread runs no query and keeps answering while an import or an export runs
const engineEntry = path.join(root, 'electron', 'core', 'engine', 'entry.ts');
const core = engineClient(forkEngine(engineEntry, ['--import', 'tsx']), file, { fallbackLocale: Intl.DateTimeFormat().resolvedOptions().locale, stateDir });
const failure = await core.ready();
if (failure) console.error(`Cannot use ${file}: ${failure.message}\nThe page offers to restore the latest good backup.`);
core.onCrash((e) => console.error(e.message));
const server = await startWebServer(core, { staticDir, port });
console.log(`Data file: ${file}`);
console.log(`Cartera is running. Open this link (it works once, in one browser) — press Ctrl+C to stop:\n  ${server.url}`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  // browsers keep connections open, so don't wait on the server: the DB is what must close cleanly
  void server.close();
  await core.close();
  console.log(`\nStopped (${signal}); the data file was closed cleanly.`);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
