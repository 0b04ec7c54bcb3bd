import { createHash } from 'node:crypto';
import { MAX_IMPORT_BYTES, type ImportOptions, type ImportPreview, type ImportReport } from '#shared/contract/imports';
import type { ParsedInputOf } from '#shared/contract/index';
import { fieldsOf, type ImportKind } from '#shared/domain/importFields';
import { decideDateReading } from '#shared/domain/importValues';
import { languageOf } from '#shared/i18n/index';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { inTransaction } from '../context';
import { CarteraError } from '../errors';
import { getSettings } from '../settings/service';
import { planClients } from './clients';
import { conventionsFor, type Env, type Plan } from './env';
import { planInvoices } from './invoices';
import { dataRows, findLayout, headerOf } from './layout';
import { planPayments } from './payments';
import { readTable } from './read';

export type ImportFileInput = { kind: ImportKind; fileName: string; bytes: Uint8Array; options?: ImportOptions; partial?: boolean; dryRun?: boolean };
export type Progress = (done: number, total: number) => void;

const PLANNERS: Record<ImportKind, (env: Env) => Promise<Plan>> = { clients: planClients, invoices: planInvoices, payments: planPayments };
/** Progress is reported every this many rows read and rows written (and once at the end). */
const PROGRESS_EVERY = 1000;

/**
 * Reads, checks and (unless it is a dry run, or rows were rejected without `partial`) writes a file, all
 * in one transaction: the checks see the same data the writes change. Returns the report and the first
 * rows as read. File-level problems (empty, binary, no header…) throw a CarteraError; nothing is written.
 */
export async function importFile(ctx: Ctx, input: ImportFileInput, onProgress?: Progress): Promise<ImportPreview> {
  if (input.bytes.length > MAX_IMPORT_BYTES) {
    throw new CarteraError('validation', 'import.error.too_large', { size: Math.ceil(input.bytes.length / 1048576), max: MAX_IMPORT_BYTES / 1048576 });
  }
  const opts = input.options ?? {};
  const table = await readTable(input.bytes, { encoding: opts.encoding ?? 'auto', delimiter: opts.delimiter ?? 'auto' });
  const layout = findLayout(input.kind, table, opts.mapping);
  const rows = dataRows(table, layout);
  table.rows = []; // the data rows hold what is needed of them
  const fields = fieldsOf(input.kind);
  const dateFields = fields.filter((f) => f.type === 'date' && f.field in layout.mapping).map((f) => f.field);
  const { dates, decimals, readings } = conventionsFor(
    rows,
    dateFields,
    fields.filter((f) => f.type === 'money' && f.field in layout.mapping).map((f) => f.field),
    (cells) => decideDateReading(cells, opts.dateFormat ?? 'auto', layout.spanish || languageOf(ctx.locale) === 'es'),
    // the canonical format is comma-separated; canonical names with ';' are a decimal-comma Excel's file
    {
      option: opts.decimal,
      canonical: layout.canonical && table.delimiter !== ';',
      spanish: layout.spanish,
      delimiter: table.delimiter,
      headerOf: (f) => headerOf(layout, f),
    },
  );
  const partial = input.partial ?? false;
  const dryRun = input.dryRun ?? false;

  return inTransaction(ctx, async (trx) => {
    // reading and checking the rows, then writing: the second part is known once the rows are checked
    let total = rows.length * (dryRun ? 1 : 2);
    let done = 0;
    const env: Env = {
      ctx: trx,
      kind: input.kind,
      rows,
      layout,
      dates,
      decimals,
      defaultCurrency: (await getSettings(trx)).defaultCurrency,
      rejects: [],
      rejectedLines: new Set(),
      sample: [],
      tick: () => {
        if (++done % PROGRESS_EVERY === 0) onProgress?.(done, total);
      },
    };
    const plan = await PLANNERS[input.kind](env);
    env.rejects.sort((a, b) => a.line - b.line);
    const go = !dryRun && (env.rejects.length === 0 || partial);
    let written = { created: 0, updated: 0 };
    total = rows.length + (go ? plan.writes : 0);
    if (go && plan.writes > 0) {
      written = await plan.apply(trx, env.tick);
      const counts = { rows: rows.length, rejected: env.rejects.length, ...written, unchanged: plan.unchanged };
      await audit(trx, {
        entity: 'import',
        entityId: null,
        action: `import.${input.kind}`,
        after: { fileName: input.fileName, sha256: sha256(input.bytes), partial, counts },
      });
    }
    onProgress?.(total, total);
    const report: ImportReport = {
      kind: input.kind,
      fileName: input.fileName,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      dateOrder: dates.order,
      decimals: readings,
      headerLine: layout.headerLine,
      headers: layout.headers,
      mapping: layout.mapping,
      counts: {
        rows: rows.length,
        accepted: rows.length - env.rejects.length,
        rejected: env.rejects.length,
        ...written,
        unchanged: plan.unchanged,
      },
      rejects: env.rejects,
      applied: go,
      review: { create: plan.writes, update: 0, creates: [], updates: [], ...plan.review, unchanged: plan.unchanged },
      postDated: plan.postDated ?? null,
      dryRun,
      partial,
    };
    // rejects found after the first pass (duplicates, conflicts) are marked on the sample too
    const late = new Map(env.rejects.map((r) => [r.line, r.message]));
    const sample = env.sample.map((s) => ({ ...s, reject: s.reject ?? late.get(s.line) ?? null }));
    return { ...report, sample };
  });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function decodeBase64(data: string): Uint8Array {
  return Buffer.from(data, 'base64');
}

export async function previewImport(ctx: Ctx, input: ParsedInputOf<'imports.preview'>): Promise<ImportPreview> {
  return importFile(ctx, { kind: input.kind, fileName: input.fileName, bytes: decodeBase64(input.dataBase64), options: input.options, dryRun: true });
}

export async function runImport(ctx: Ctx, input: ParsedInputOf<'imports.run'>): Promise<ImportReport> {
  const { sample: _sample, ...report } = await importFile(
    ctx,
    {
      kind: input.kind,
      fileName: input.fileName,
      bytes: decodeBase64(input.dataBase64),
      options: input.options,
      partial: input.partial,
      dryRun: input.dryRun,
    },
    ctx.progress,
  );
  return report;
}
