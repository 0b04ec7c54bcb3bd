import { languageOf, translate } from '../i18n/index';
import { csvLine, csvNumber, type CsvDelimiter } from './csv';

/**
 * The rejected rows of an import as a CSV the user can open, fix and import again: line, reason,
 * message, then the row's own cells under the file's own headers, as read (never re-written).
 */
export type RejectsSource = {
  headers: readonly string[];
  rejects: readonly { line: number; reason: string; message: string; raw: readonly string[] }[];
};

/**
 * Written in the dialect of the user's spreadsheet: in Spanish `;` (the list separator of a decimal-comma
 * Excel, which opens a comma file in one column) with translated headers and reasons; in English the
 * comma format with reason codes, as before. Every cell goes through the one CSV writer, so a cell such
 * as `=HYPERLINK(…)` from a hostile file is neutralised.
 */
export function rejectsToCsv(report: RejectsSource, opts: { bom?: boolean; locale?: string } = {}): string {
  const locale = opts.locale ?? 'en';
  const spanish = languageOf(locale) === 'es' && opts.locale !== undefined;
  const d: CsvDelimiter = spanish ? ';' : ',';
  const head = spanish ? ['line', 'reason', 'message'].map((k) => translate(locale, `import.rejects.${k}`)) : ['line', 'reason', 'message'];
  const lines = [csvLine([...head, ...report.headers], d)];
  for (const r of report.rejects) {
    const reason = spanish ? translate(locale, `import.reason.${r.reason}`) : r.reason;
    lines.push([csvNumber(String(r.line), d), csvLine([reason, r.message, ...r.raw], d)].join(d));
  }
  // a BOM makes Excel read the accents of a UTF-8 CSV correctly
  return (opts.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
