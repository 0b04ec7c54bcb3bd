import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

const root = path.resolve(__dirname, '../..');

/** The real `cartera` binary with its stdout going to a reader that hangs up at once, as `| head` does. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'cartera.mjs'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first write: every write fails with EPIPE
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('cartera CLI piped into a reader that closes early', () => {
  it('exits quietly with status 0: no EPIPE stack trace', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-pipe-')), 'x.sqlite');
    expect((await runCli(['--db', file, 'demo', '--today', '2026-11-20', '--seed', '3'])).code).toBe(0);
    for (const format of ['json', 'csv']) {
      const r = await runIntoClosedPipe(['--db', file, 'aging', '--as-of', '2026-11-20', '--format', format]);
      expect(r.stderr, format).toBe('');
      expect(r).toMatchObject({ code: 0, signal: null });
    }
  });
});
