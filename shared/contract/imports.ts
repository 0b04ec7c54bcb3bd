import { z } from 'zod';
import { op } from './op';
import { requiredText } from './schemas';
import type { ImportKind, ImportMapping } from '../domain/importFields';
import type { Cell, DateOrder } from '../domain/importValues';

/** Largest file accepted at once (raw bytes); base64 makes it a third larger on the wire. */
export const MAX_IMPORT_BYTES = 45 * 1024 * 1024;
/** The same limit as the base64 text that carries the file over IPC and HTTP. */
export const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

export type ImportRejectReason =
  | 'required'
  | 'unknown_client'
  | 'duplicate_in_file'
  | 'conflict_existing'
  | 'number_other_client'
  | 'bad_date'
  | 'ambiguous_date'
  | 'due_before_issue'
  | 'bad_amount'
  | 'currency_symbol'
  | 'date_out_of_range'
  | 'too_many_decimals'
  | 'amount_not_positive'
  | 'amount_negative'
  | 'bad_currency'
  | 'bad_email'
  | 'bad_code'
  | 'bad_terms'
  | 'too_long'
  | 'unknown_invoice'
  | 'invoice_voided'
  | 'currency_mismatch'
  | 'exceeds_open';

export type ImportReject = {
  /** the row's line in the file (CSV: where the record starts; XLSX: the sheet row); the header is its own line */
  line: number;
  reason: ImportRejectReason;
  message: string;
  /** the row's cells as read */
  raw: string[];
};

/** A field of an existing record that the file changes, before → after (as stored: money in minor units). */
export type ImportFieldChange = { field: string; before: string | number | null; after: string | number | null };
/** One record of the review: its line, key (a client code) and name; `changes` for an update. */
export type ImportReviewItem = { line: number; key: string; label: string; changes: ImportFieldChange[] };

/**
 * What the import will do, known before anything is written (a dry run or preview reports the same):
 * how many records are created, updated and left unchanged, and for clients which ones and, for
 * updates, which fields change. The lists stop at REVIEW_LIST_MAX; the counts are always complete.
 */
export type ImportReview = { create: number; update: number; unchanged: number; creates: ImportReviewItem[]; updates: ImportReviewItem[] };
export const REVIEW_LIST_MAX = 500;

/** Payments dated after today in the file: imported (deferred cheques) and subtracted from balances on their date. */
export type ImportPostDated = { count: number; first: string; last: string };

export type ImportCounts = { rows: number; accepted: number; rejected: number; created: number; updated: number; unchanged: number };

export type ImportReport = {
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf8' | 'win1252' | 'utf16le' | null;
  delimiter: ',' | ';' | '\t' | null;
  dateOrder: DateOrder;
  /** money field → how its text amounts were read (absent for a field the file lacks) */
  decimals?: Record<string, AmountReading>;
  headerLine: number;
  headers: string[];
  /** field → column index in `headers`; send it back changed to import with another mapping */
  mapping: ImportMapping;
  counts: ImportCounts;
  rejects: ImportReject[];
  /** true when rows were written: no rejects, or `partial`; never on a dry run */
  applied: boolean;
  review: ImportReview;
  postDated: ImportPostDated | null;
  dryRun: boolean;
  partial: boolean;
};

/**
 * How a money column was read: the decimal mark and why (the user's option, the canonical format,
 * the column's own values, the file's language and delimiter, or no mark in any value), with one of
 * its values and that value in plain digits ("1.234,56" → "1234.56").
 */
export type AmountReading = {
  decimal: '.' | ',';
  basis: 'option' | 'canonical' | 'values' | 'file' | 'unneeded';
  example: string | null;
  readAs: string | null;
};

export type ImportSampleRow = { line: number; values: Record<string, Cell | null>; reject: string | null };
export type ImportPreview = ImportReport & { sample: ImportSampleRow[] };

export const importKind = z.enum(['clients', 'invoices', 'payments']);

export const importOptions = z
  .object({
    encoding: z.enum(['auto', 'utf8', 'win1252']).optional(),
    delimiter: z.enum(['auto', ',', ';', '\t']).optional(),
    dateFormat: z.enum(['auto', 'iso', 'dmy', 'mdy']).optional(),
    /** the decimal mark of text amounts; 'auto' decides on the whole column, and stops when it cannot */
    decimal: z.enum(['auto', '.', ',']).optional(),
    /** field → column index (0-based), or null to leave a field out; replaces the detected mapping */
    mapping: z.record(z.string().max(40), z.number().int().min(0).max(10_000).nullable()).optional(),
  })
  .strict();

export type ImportOptions = z.output<typeof importOptions>;

const fileInput = {
  kind: importKind,
  fileName: requiredText(260),
  dataBase64: z.string({ error: 'validation.required' }).max(MAX_IMPORT_BASE64, { error: 'validation.file_too_large' }),
  options: importOptions.optional(),
};

export const previewImport = op<ImportPreview>()('imports.preview', z.object(fileInput).strict(), { writes: false });

export const runImport = op<ImportReport>()(
  'imports.run',
  z
    .object({
      ...fileInput,
      /** import the good rows even when some are rejected */
      partial: z.boolean().default(false),
      dryRun: z.boolean().default(false),
    })
    .strict(),
  { writes: true },
);

export const importOps = [previewImport, runImport] as const;
