import { z } from 'zod';
import { op } from './op';
import { currency, isoDate, text } from './schemas';
import { DEFAULT_BOUNDS, isValidBounds } from '../domain/aging';
import type { AgingDetail, AgingSummary } from '../domain/agingViews';
import type { KpiReport, KpiTrend } from '../domain/kpiReport';

/**
 * Reports of issue #4: aging summary and drill-down detail, KPIs with their explanation, the 12-month
 * trend, and file exports. Everything the aging and reports screens need, and nothing they must compute.
 */

const bounds = z.array(z.number().int()).refine(isValidBounds, { error: 'validation.buckets' }).optional();

const agingBase = {
  asOf: isoDate,
  basis: z.enum(['due', 'issue']).default('due'),
  /** inclusive upper day bounds of every bucket but the last; default 0,30,60,90,120 */
  bounds,
};

/** Drill-down filters, shared by the summary, the detail and the exports. */
const agingFilters = {
  /** exact client code (case-insensitive, as codes are) */
  clientCode: text(40).optional(),
  currency: currency.optional(),
  /** exact segment; null = clients without a segment */
  segment: text(60).nullable().optional(),
  /** bucket index 0..bounds.length */
  bucket: z.number().int().min(0).max(12).optional(),
};

const bucketInRange = (v: { bounds?: number[] | undefined; bucket?: number | undefined }) =>
  v.bucket === undefined || v.bucket <= (v.bounds ?? DEFAULT_BOUNDS).length;

export const agingSummary = op<AgingSummary>()(
  'aging.summary',
  z
    .object({ ...agingBase, by: z.enum(['client', 'segment', 'currency']).default('client'), ...agingFilters })
    .strict()
    .refine(bucketInRange, { error: 'validation.invalid', path: ['bucket'] }),
  { writes: false },
);

export const AGING_DETAIL_SORTS = ['days', 'open', 'client', 'number', 'dueDate', 'issueDate', 'currency'] as const;

export const agingDetail = op<AgingDetail>()(
  'aging.detail',
  z
    .object({
      ...agingBase,
      ...agingFilters,
      sort: z.enum(AGING_DETAIL_SORTS).default('days'),
      dir: z.enum(['asc', 'desc']).default('desc'),
      /** up to 100,000 rows in one page, so a virtualised grid can hold the whole book */
      limit: z.number().int().min(1).max(100_000).default(500),
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    })
    .strict()
    .refine(bucketInRange, { error: 'validation.invalid', path: ['bucket'] }),
  { writes: false },
);

const period = z
  .object({
    from: isoDate,
    to: isoDate,
    basis: z.enum(['due', 'issue']).default('due'),
    /** days after the promised date a payment still keeps the promise */
    graceDays: z.number().int().min(0).max(60).default(3),
  })
  .strict()
  .refine((v) => v.from <= v.to, { error: 'validation.period', path: ['to'] });

export const kpisReport = op<KpiReport>()('kpis.report', period, { writes: false });

export const kpisTrend = op<KpiTrend>()(
  'kpis.trend',
  z
    .object({
      /** the trend ends at the last month-end on or before this date */
      asOf: isoDate,
      months: z.number().int().min(2).max(36).default(12),
    })
    .strict(),
  { writes: false },
);

/** A generated file, for the shell to save (Electron) or the browser to download (HTTP transport). */
export type ExportFile = { fileName: string; mime: string; base64: string; bytes: number; rows: number };

const csvOptions = {
  delimiter: z.enum([',', ';']).default(','),
  decimal: z.enum(['.', ',']).default('.'),
};

export const exportAging = op<ExportFile>()(
  'exports.aging',
  z
    .object({
      ...agingBase,
      ...agingFilters,
      by: z.enum(['client', 'segment', 'currency']).default('client'),
      format: z.enum(['xlsx', 'csv', 'pdf']),
      /** CSV holds one table: the summary (default) or the invoice detail; XLSX holds both sheets */
      view: z.enum(['summary', 'detail']).default('summary'),
      ...csvOptions,
    })
    .strict()
    .refine(bucketInRange, { error: 'validation.invalid', path: ['bucket'] })
    .refine((v) => !(v.delimiter === ',' && v.decimal === ','), { error: 'validation.csv_separators', path: ['decimal'] }),
  { writes: false },
);

export const exportList = op<ExportFile>()(
  'exports.list',
  z
    .object({
      kind: z.enum(['invoices', 'payments', 'interactions']),
      from: isoDate,
      to: isoDate,
      format: z.enum(['xlsx', 'csv']),
      ...csvOptions,
    })
    .strict()
    .refine((v) => v.from <= v.to, { error: 'validation.period', path: ['to'] })
    .refine((v) => !(v.delimiter === ',' && v.decimal === ','), { error: 'validation.csv_separators', path: ['decimal'] }),
  { writes: false },
);

export const reportOps = [agingSummary, agingDetail, kpisReport, kpisTrend, exportAging, exportList] as const;
