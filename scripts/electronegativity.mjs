// Electron security lint (part of `npm run lint`): runs @doyensec/electronegativity over the shell
// (electron/) and the page (renderer/) together, so its global checks (navigation limits, permission
// handler, CSP) see both. Fails on any HIGH or MEDIUM finding that electron/shell/electronegativity-allow.json
// does not accept with a written justification. Full results go to a JSON file in the temp folder.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ALLOW_FILE = path.join('electron', 'shell', 'electronegativity-allow.json');
const SCANNED = ['electron', 'renderer'];
// Asks GitHub for Electron's release list on every run: needs the network and changes by the day.
// Electron updates are handled by bumping the pinned dependency, not by this lint.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const BLOCKING = new Set(['HIGH', 'MEDIUM']);

/** Findings not covered by an allow entry (same id and file; `contains` must appear in the code sample). */
export function unexplained(issues, allow) {
  return issues.filter(
    (i) => BLOCKING.has(i.severity) && !allow.some((a) => a.id === i.id && a.file === i.file && (!a.contains || (i.sample ?? '').includes(a.contains))),
  );
}

export function readAllowList(file) {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  const allow = parsed.allow ?? [];
  const bad = allow.filter((a) => !a.id || !a.file || typeof a.justification !== 'string' || a.justification.trim().length < 20);
  if (bad.length) throw new Error(`${ALLOW_FILE}: every entry needs id, file and a written justification (${bad.map((b) => b.id ?? '?').join(', ')})`);
  return allow;
}

async function scan() {
  // one folder holding both layers, so file paths in the report read electron/… and renderer/…
  const input = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-eng-src-'));
  for (const dir of SCANNED)
    if (fs.existsSync(path.join(root, dir)))
      fs.cpSync(path.join(root, dir), path.join(input, dir), { recursive: true, filter: (s) => !s.includes('node_modules') });
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  process.env.LANG = 'en-US'; // the tool picks its message language from LANG
  const mod = require('@doyensec/electronegativity');
  const run = mod.default ?? mod;
  try {
    const result = await run({ input, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: EXCLUDED_CHECKS });
    const issues = result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: i.file.split(path.sep).join('/'),
      line: i.location?.line ?? 0,
      sample: i.sample ?? '',
      description: i.description,
      manualReview: !!i.manualReview,
    }));
    return { electronVersion, issues, errors: result.errors };
  } finally {
    fs.rmSync(input, { recursive: true, force: true });
  }
}

async function main() {
  const allow = readAllowList(path.join(root, ALLOW_FILE));
  const { electronVersion, issues, errors } = await scan();
  const report = path.join(os.tmpdir(), `cartera-electronegativity-${Date.now()}.json`);
  fs.writeFileSync(report, JSON.stringify({ electronVersion, scanned: SCANNED, excluded: EXCLUDED_CHECKS, issues, errors }, null, 2));
  const open = unexplained(issues, allow);
  const unparsed = errors.filter((e) => !e.tolerable);
  const stale = allow.filter((a) => !issues.some((i) => i.id === a.id && i.file === a.file));
  for (const a of stale) console.log(`electronegativity: allow-list entry ${a.id} in ${a.file} no longer matches anything; remove it.`);
  for (const i of open) console.log(`  ${i.severity} ${i.id} ${i.file}:${i.line}  ${i.sample.slice(0, 100)}\n    ${i.description}`);
  for (const e of unparsed) console.log(`  could not analyse ${e.file}: ${e.message}`);
  const accepted = issues.filter((i) => BLOCKING.has(i.severity)).length - open.length;
  console.log(
    `electronegativity: ${issues.length} findings (${accepted} high/medium accepted with justification in ${ALLOW_FILE}, ${open.length} unexplained); report: ${report}`,
  );
  return open.length > 0 || unparsed.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`electronegativity failed: ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    },
  );
}
