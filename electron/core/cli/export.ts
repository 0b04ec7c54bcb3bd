import path from 'node:path';
import type { Core } from '../app';
import { agingFlags, dateFlag, usage, type CliValues } from './kpis';
import { writeFileAtomic } from '../exports/atomicWrite';

function formatOf(out: string): 'xlsx' | 'csv' | 'pdf' {
  const ext = path.extname(out).toLowerCase().slice(1);
  if (ext === 'xlsx' || ext === 'csv' || ext === 'pdf') return ext;
  throw usage('--out must end in .xlsx, .csv or .pdf');
}

function csvFlags(values: CliValues) {
  const delimiter = values.delimiter ?? ',';
  if (delimiter !== ',' && delimiter !== ';') throw usage('--delimiter must be , or ; for exports');
  const decimal = values.decimal ?? '.';
  if (decimal !== '.' && decimal !== ',') throw usage('--decimal must be . or ,');
  if (delimiter === ',' && decimal === ',') throw usage('with --decimal , use --delimiter ;');
  return { delimiter, decimal } as const;
}

/**
 * `cartera export aging --as-of D --out FILE.xlsx|.csv|.pdf [--by …] [--basis …] [--buckets …] [--view summary|detail]
 *  [--delimiter ;] [--decimal ,]` and `cartera export invoices|payments|interactions --from D --to D --out FILE.xlsx|.csv`.
 * The format follows the file's extension; the file is written whole (temp file, then rename).
 */
export async function runExport(core: Core, args: string[], values: CliValues, out: NodeJS.WritableStream): Promise<number> {
  const [kind] = args;
  const file = values.out;
  if (typeof file !== 'string' || file === '') throw usage('export needs --out FILE');
  const format = formatOf(file);
  // through the API, so the CLI gets exactly the validation and files the app gets
  let result: { base64: string; rows: number };
  if (kind === 'aging') {
    const view = values.view ?? 'summary';
    if (view !== 'summary' && view !== 'detail') throw usage('--view must be summary or detail');
    result = await core.call('exports.aging', { ...agingFlags(values, core.ctx.clock.today()), format, view, ...csvFlags(values) });
  } else if (kind === 'invoices' || kind === 'payments' || kind === 'interactions') {
    if (format === 'pdf') throw usage('lists export to .xlsx or .csv');
    const from = dateFlag(values.from, '--from');
    const to = dateFlag(values.to, '--to');
    if (from > to) throw usage('--from must be on or before --to');
    result = await core.call('exports.list', { kind, from, to, format, ...csvFlags(values) });
  } else {
    throw usage('export needs aging, invoices, payments or interactions');
  }
  const bytes = Buffer.from(result.base64, 'base64');
  writeFileAtomic(file, bytes);
  out.write(`export: ${file} (${result.rows} rows, ${bytes.length} bytes)\n`);
  return 0;
}

/** `export aging|invoices|…` is ours; a bare `export --out FILE.zip` is the full archive (safety commands). */
export function isReportExport(command: string, rest: readonly string[]): boolean {
  return command === 'export' && ['aging', 'invoices', 'payments', 'interactions'].includes(rest[0] ?? '');
}
