#!/usr/bin/env node
// The `cartera` command: the same core as the app, run from TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/core/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
