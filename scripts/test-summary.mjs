// Closes a test run with one plain line CI can read:   Tests: N passed, N failed[, N skipped]
// Reads Vitest's JSON report (`--reporter=json --outputFile.json=FILE`) and exits with the run's status:
// vitest's own exit code when given, and non-zero whenever anything failed or the report is missing.
//   node scripts/test-summary.mjs run [vitest args…]    runs vitest with both reporters, then sums up
//   node scripts/test-summary.mjs REPORT.json [vitestExitCode]
// The `run` form is `npm run test:unit`: no shell `$?`, so it behaves the same on Windows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Counts from a Vitest (Jest-compatible) JSON report. A file that failed to load counts as one failure. */
export function summarize(report) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for (const file of report.testResults ?? []) {
    let failedHere = 0;
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') passed++;
      else if (t.status === 'failed') {
        failed++;
        failedHere++;
        failures.push(`${path.relative(process.cwd(), file.name ?? '')} > ${t.fullName ?? t.title}`);
      } else skipped++; // pending, skipped, todo
    }
    if (file.status === 'failed' && failedHere === 0) {
      failed++;
      failures.push(`${path.relative(process.cwd(), file.name ?? '')}: ${(file.message ?? 'failed to run').split('\n')[0]}`);
    }
  }
  return { passed, failed, skipped, failures };
}

export function summaryLine({ passed, failed, skipped }) {
  return `Tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

const REPORT = '.vitest-results.json';

/** Runs vitest with its usual output plus the JSON report; returns vitest's exit code. */
function runVitest(args) {
  fs.rmSync(REPORT, { force: true }); // a report left by an earlier run must never be summed up as this one
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const r = spawnSync(process.execPath, [cli, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...args], { stdio: 'inherit' });
  return r.status ?? 1;
}

function main(argv) {
  if (argv[0] === 'run') return summarizeFile(REPORT, runVitest(argv.slice(1)));
  const [file = REPORT, code] = argv;
  return summarizeFile(file, code === undefined ? 0 : Number(code));
}

function summarizeFile(file, vitestCode) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`No readable test report at ${file} (${e instanceof Error ? e.message : e}): the test run did not finish.`);
    console.log(summaryLine({ passed: 0, failed: 0, skipped: 0 }));
    return vitestCode || 1;
  }
  const s = summarize(report);
  if (s.failures.length > 0) console.log(`\nFailed:\n${s.failures.map((f) => `  ✗ ${f}`).join('\n')}`);
  console.log(`\n${summaryLine(s)}`);
  if (vitestCode !== 0 && Number.isFinite(vitestCode)) return vitestCode;
  return s.failed > 0 || report.success === false ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
