#!/usr/bin/env node
// The `cartera` command runs the compiled bundle dist-cli/cartera.mjs, which npm's `prepare` builds on
// `npm install` / `npm ci` and `npm run build` rebuilds (after changing the sources, rebuild it).
// If it is missing (e.g. installed with --ignore-scripts), it is built now when esbuild is at hand.
import fs from 'node:fs';

const built = new URL('../dist-cli/cartera.mjs', import.meta.url);
if (!fs.existsSync(built)) {
  try {
    process.stderr.write('cartera: building the command (dist-cli/) for the first run…\n');
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli({ quiet: true });
  } catch (e) {
    process.stderr.write(
      `cartera: the command is not built and could not be built here (${e instanceof Error ? e.message : e}).\nRun \`npm run build:cli\` (or \`npm install\`) in the Cartera folder.\n`,
    );
    process.exit(1);
  }
}
await import(built.href);
