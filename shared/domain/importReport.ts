/**
 * The rejected rows of an import as a CSV the user can open, fix and import again: line, reason code,
 * message, then the row's own cells under the file's own headers.
 */
export type RejectsSource = {
  headers: readonly string[];
  rejects: readonly { line: number; reason: string; message: string; raw: readonly string[] }[];
};

function csvField(s: string): string {
  return /[",\r\n;]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rejectsToCsv(report: RejectsSource, opts: { bom?: boolean } = {}): string {
  const lines = [['line', 'reason', 'message', ...report.headers].map(csvField).join(',')];
  for (const r of report.rejects) lines.push([String(r.line), r.reason, r.message, ...r.raw].map(csvField).join(','));
  // a BOM makes Excel read the accents of a UTF-8 CSV correctly
  return (opts.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
