import type { ParsedInputOf } from '#shared/contract/index';
import type { ExportFile } from '#shared/contract/reports';
import { reportLabels } from '#shared/domain/reportLabels';
import type { Ctx } from '../context';
import { agingDetail, agingSummary } from '../aging/views';
import { getSettings } from '../settings/service';
import { tableToCsv } from './csv';
import { listTable } from './lists';
import { detailTable, summaryTable, type ExportMeta, type Table } from './table';

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

/** Every open invoice fits in one detail export (the contract's page limit is for screens). */
const DETAIL_EXPORT_LIMIT = 5_000_000;

async function exportMeta(ctx: Ctx): Promise<ExportMeta> {
  const s = await getSettings(ctx);
  return { company: s.name || 'Cartera', taxId: s.taxId, address: s.address, locale: s.locale, generatedOn: ctx.clock.today() };
}

/** Builds the file as bytes; the CLI writes them, the API returns them base64 for the shell to save. */
export async function agingExportBytes(
  ctx: Ctx,
  input: ParsedInputOf<'exports.aging'>,
): Promise<{ bytes: Buffer; fileName: string; mime: string; rows: number }> {
  const L = reportLabels(ctx.locale);
  const meta = await exportMeta(ctx);
  const filters = { clientCode: input.clientCode, currency: input.currency, segment: input.segment, bucket: input.bucket };
  const wantSummary = input.format === 'xlsx' || input.view === 'summary';
  const wantDetail = input.format === 'xlsx' || input.view === 'detail';
  const tables: Table[] = [];
  if (wantSummary)
    tables.push(summaryTable(await agingSummary(ctx, { asOf: input.asOf, basis: input.basis, by: input.by, bounds: input.bounds, ...filters }), L, ctx.locale));
  if (wantDetail) {
    const d = await agingDetail(ctx, {
      asOf: input.asOf,
      basis: input.basis,
      bounds: input.bounds,
      ...filters,
      sort: 'client',
      dir: 'asc',
      limit: DETAIL_EXPORT_LIMIT,
      offset: 0,
    });
    tables.push(detailTable(d, L, ctx.locale));
  }
  const base = `aging-${input.asOf}${input.format === 'xlsx' ? '' : `-${input.view}`}`;
  const rows = tables.reduce((s, t) => s + t.rows.length, 0);
  if (input.format === 'csv') return { bytes: Buffer.from(tableToCsv(tables[0]!, input), 'utf8'), fileName: `${base}.csv`, mime: MIME.csv, rows };
  if (input.format === 'pdf') return { bytes: await (await import('./pdf')).tablesToPdf(tables, meta, L), fileName: `${base}.pdf`, mime: MIME.pdf, rows };
  return { bytes: await (await import('./xlsx')).tablesToXlsx(tables, meta), fileName: `${base}.xlsx`, mime: MIME.xlsx, rows };
}

export async function exportAging(ctx: Ctx, input: ParsedInputOf<'exports.aging'>): Promise<ExportFile> {
  return toFile(await agingExportBytes(ctx, input));
}

export async function listExportBytes(
  ctx: Ctx,
  input: ParsedInputOf<'exports.list'>,
): Promise<{ bytes: Buffer; fileName: string; mime: string; rows: number }> {
  const L = reportLabels(ctx.locale);
  const table = await listTable(ctx, input.kind, input.from, input.to, L);
  const fileName = `${input.kind}-${input.from}-${input.to}.${input.format}`;
  if (input.format === 'csv') return { bytes: Buffer.from(tableToCsv(table, input), 'utf8'), fileName, mime: MIME.csv, rows: table.rows.length };
  return { bytes: await (await import('./xlsx')).tablesToXlsx([table], await exportMeta(ctx)), fileName, mime: MIME.xlsx, rows: table.rows.length };
}

export async function exportList(ctx: Ctx, input: ParsedInputOf<'exports.list'>): Promise<ExportFile> {
  return toFile(await listExportBytes(ctx, input));
}

function toFile(f: { bytes: Buffer; fileName: string; mime: string; rows: number }): ExportFile {
  return { fileName: f.fileName, mime: f.mime, base64: f.bytes.toString('base64'), bytes: f.bytes.length, rows: f.rows };
}
