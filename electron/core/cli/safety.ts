import { translate } from '#shared/i18n/index';
import { APP_VERSION } from '../app';
import { CarteraError } from '../errors';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { inspectDataFile, pragmaVerdict, withReadonly } from '../backups/inspect';
import { backupFolderOf, restoreFrom } from '../backups/restore';
import { expectedSchemasReady } from '../db/schemaCheck';

/**
 * The data-safety commands. They run before the CLI opens the file the usual way, because opening
 * migrates and writes: `check` and `export` must not change the file, `restore` and `import-all` need
 * it closed.
 */
export const SAFETY_COMMANDS = ['check', 'restore', 'export', 'import-all'] as const;
export function isSafetyCommand(c: string): boolean {
  return (SAFETY_COMMANDS as readonly string[]).includes(c);
}

type Values = { db: string; out?: string; lang?: string };
type Stream = NodeJS.WritableStream;

/** Language of CLI messages: --lang, else the environment's, else Spanish (the main market). */
export function cliLocale(lang?: string): string {
  return lang ?? process.env.LC_ALL ?? process.env.LANG ?? 'es';
}

/** Runs one safety command; exit 0 on success, else one line on stderr (2 for usage, 1 otherwise). */
export async function runSafety(command: string, rest: string[], values: Values, out: Stream, err: Stream): Promise<number> {
  const locale = cliLocale(values.lang);
  try {
    await expectedSchemasReady; // the schema every file is compared with
    switch (command) {
      case 'check':
        return check(values.db, out);
      case 'restore': {
        const [from] = rest;
        if (!from) return usage(err, 'restore needs FROM (a backup file)');
        const r = await restoreFrom(values.db, from, { backupDir: backupFolderOf(values.db) });
        const c = r.restored.counts;
        out.write(
          `restored: ${r.restored.file} (made ${r.restored.at}; ${c.clients} clients, ${c.invoices} invoices, ${c.payments} payments) into ${values.db}\n`,
        );
        out.write(
          r.safetyCopy
            ? `previous file kept at: ${r.safetyCopy}${r.safetyCopyKind === 'raw' ? ' (raw copy: it would not open)' : ''}\n`
            : 'there was no previous file\n',
        );
        return 0;
      }
      case 'export': {
        if (!values.out) return usage(err, 'export needs --out FILE.zip');
        const dest = values.out;
        const info = inspectDataFile(values.db, { check: 'quick' });
        // the archive code (fflate, csv-parse) loads only for these two commands
        const { exportArchiveFile } = await import('../archive/export');
        const r = withReadonly(values.db, undefined, (db) =>
          exportArchiveFile(db, dest, { schemaVersion: info.schemaVersion, appVersion: APP_VERSION, createdAt: new Date().toISOString() }),
        );
        out.write(`export: ${r.file} (${r.bytes} bytes; ${info.counts.clients} clients, ${info.counts.invoices} invoices, ${info.counts.payments} payments)\n`);
        return 0;
      }
      case 'import-all': {
        const [zip] = rest;
        if (!zip) return usage(err, 'import-all needs FILE.zip');
        const { importArchiveFile } = await import('../archive/import');
        const r = await importArchiveFile(values.db, zip);
        const t = r.tables;
        out.write(
          `import-all: ${r.file} (${t.clients ?? 0} clients, ${t.invoices ?? 0} invoices, ${t.payments ?? 0} payments, ${t.audit_log ?? 0} audit entries)\n`,
        );
        return 0;
      }
      default:
        return usage(err, `unknown command: ${command}`);
    }
  } catch (e) {
    err.write(`cartera: ${oneLine(messageOf(e, locale))}\n`);
    return 1;
  }
}

/** quick_check, then the full integrity_check, schema version and counts; never writes. */
function check(file: string, out: Stream): number {
  const info = inspectDataFile(file, { check: 'quick' });
  const verdict = withReadonly(file, undefined, (db) => pragmaVerdict(db, 'integrity_check'));
  if (verdict !== 'ok') throw new CarteraError('database', 'error.db.corrupt', { detail: verdict.slice(0, 200) });
  const c = info.counts;
  out.write(`file: ${info.file} (${info.bytes} bytes)\n`);
  out.write('quick_check: ok\nintegrity_check: ok\n');
  out.write(`schema: ${info.schemaVersion} (this app: ${SCHEMA_VERSION}${info.schemaVersion < SCHEMA_VERSION ? '; upgraded when opened' : ''})\n`);
  out.write(`counts: ${c.clients} clients, ${c.invoices} invoices, ${c.payments} payments\n`);
  return 0;
}

export function messageOf(e: unknown, locale: string): string {
  if (e instanceof CarteraError) return translate(locale, e.key, e.params);
  return e instanceof Error ? e.message : String(e);
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').slice(0, 500);
}

function usage(err: Stream, msg: string): number {
  err.write(`cartera: ${msg} (see cartera --help)\n`);
  return 2;
}
