import fs from 'node:fs';
import path from 'node:path';
import type { ImportOptions, ImportReport } from '#shared/contract/imports';
import type { ImportKind } from '#shared/domain/importFields';
import { translate } from '#shared/i18n/index';
import { toApiError } from '../api';
import type { Core } from '../app';
import { importFile } from './service';

const ENCODINGS: Record<string, ImportOptions['encoding']> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  win1252: 'win1252',
  'windows-1252': 'win1252',
  cp1252: 'win1252',
  latin1: 'win1252',
};
const DELIMITERS: Record<string, ImportOptions['delimiter']> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t', '\\t': '\t' };
const DATE_FORMATS: Record<string, ImportOptions['dateFormat']> = { iso: 'iso', dmy: 'dmy', mdy: 'mdy' };
const DECIMALS: Record<string, ImportOptions['decimal']> = { '.': '.', ',': ',', point: '.', comma: ',' };

/** The CLI's options as import options; an unknown value is a usage error (exit 2). */
export function cliOptions(values: Record<string, unknown>): ImportOptions | string {
  const opts: ImportOptions = {};
  const pick = <T>(flag: string, table: Record<string, T>, set: (v: T) => void): string | null => {
    const v = values[flag];
    if (v === undefined) return null;
    const hit = table[String(v).toLowerCase()];
    if (hit === undefined) return `--${flag} must be one of ${Object.keys(table).join(', ')}`;
    set(hit);
    return null;
  };
  return (
    pick('encoding', ENCODINGS, (v) => (opts.encoding = v)) ??
    pick('delimiter', DELIMITERS, (v) => (opts.delimiter = v)) ??
    pick('date-format', DATE_FORMATS, (v) => (opts.dateFormat = v)) ??
    pick('decimal', DECIMALS, (v) => (opts.decimal = v)) ??
    opts
  );
}

/** `cartera import KIND FILE`: exit 0 when every row is good (or --partial), 1 when any is rejected or the file fails. */
export async function runImport(
  core: Core,
  kind: ImportKind,
  file: string,
  values: Record<string, unknown>,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const options = cliOptions(values);
  if (typeof options === 'string') {
    err.write(`cartera: ${options} (see cartera --help)\n`);
    return 2;
  }
  const locale = core.ctx.locale;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const detail = (e as { code?: string }).code ?? String(e);
    err.write(`cartera: ${translate(locale, 'import.error.unreadable', { file, detail })}\n`);
    return 1;
  }
  let report: ImportReport;
  try {
    report = await importFile(core.ctx, {
      kind,
      fileName: path.basename(file),
      bytes,
      options,
      partial: values.partial === true,
      dryRun: values['dry-run'] === true,
    });
  } catch (e) {
    err.write(`cartera: ${toApiError(locale, e).message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
  out.write(summary(report));
  for (const r of report.rejects) out.write(`line ${r.line}: ${r.message}\n`);
  // deferred cheques are real: imported (exit code unchanged), but the user is told how many
  if (report.postDated) err.write(`cartera: ${translate(locale, 'import.warning.post_dated', { ...report.postDated })}\n`);
  return report.counts.rejected > 0 && !report.partial ? 1 : 0;
}

export function summary(r: ImportReport): string {
  const c = r.counts;
  const head = `import ${r.kind}: ${c.rows} rows, ${c.accepted} accepted, ${c.rejected} rejected; ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  const note = r.dryRun
    ? ' (dry run: nothing written)'
    : !r.applied
      ? ` (nothing imported: ${c.rejected} rows rejected; fix them or use --partial to import the good rows)`
      : '';
  return head + note + '\n';
}
