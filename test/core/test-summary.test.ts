import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** scripts/test-summary.mjs: the closing "Tests: N passed, N failed" line and the exit status CI relies on. */
const script = path.resolve(__dirname, '../../scripts/test-summary.mjs');

function run(report: unknown, vitestCode?: number) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-summary-')), 'r.json');
  if (report !== undefined) fs.writeFileSync(file, JSON.stringify(report));
  const r = spawnSync(process.execPath, [script, file, ...(vitestCode === undefined ? [] : [String(vitestCode)])], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  return { code: r.status, last: lines[lines.length - 1], out: r.stdout };
}

const t = (status: string, fullName = 'a test') => ({ status, fullName, title: fullName });

describe('test summary', () => {
  it('counts passes and exits 0', () => {
    const r = run({ success: true, testResults: [{ name: '/x/a.test.ts', status: 'passed', assertionResults: [t('passed'), t('passed')] }] }, 0);
    expect(r.last).toBe('Tests: 2 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('adds skipped only when there are some, and names failures', () => {
    const r = run(
      {
        success: false,
        testResults: [{ name: '/x/a.test.ts', status: 'failed', assertionResults: [t('passed'), t('failed', 'money rounds'), t('skipped'), t('todo')] }],
      },
      1,
    );
    expect(r.last).toBe('Tests: 1 passed, 1 failed, 2 skipped');
    expect(r.out).toContain('money rounds');
    expect(r.code).toBe(1);
  });

  it('counts a file that failed to load as a failure', () => {
    const r = run({ success: false, testResults: [{ name: '/x/b.test.ts', status: 'failed', message: 'Cannot find module', assertionResults: [] }] });
    expect(r.last).toBe('Tests: 0 passed, 1 failed');
    expect(r.code).toBe(1);
  });

  it("keeps vitest's exit code, and fails when there is no report", () => {
    expect(run({ success: true, testResults: [] }, 3).code).toBe(3);
    const missing = run(undefined, 0);
    expect(missing.last).toBe('Tests: 0 passed, 0 failed');
    expect(missing.code).not.toBe(0);
  });
});
