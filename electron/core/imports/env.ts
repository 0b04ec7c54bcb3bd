import type { AmountReading, ImportPostDated, ImportReject, ImportRejectReason, ImportReview, ImportSampleRow } from '#shared/contract/imports';
import type { ImportKind } from '#shared/domain/importFields';
import { parseAmountCell, parseDateCell, type Cell, type DateReading } from '#shared/domain/importValues';
import { decideColumnMark, readNumber, type DecimalMarkChoice, type FileDialect } from '#shared/domain/numberDialect';
import { formatMoney, isCurrencyCode } from '#shared/domain/money';
import { translate } from '#shared/i18n/index';
import { unneutralise } from '#shared/domain/csv';
import type { Ctx } from '../context';
import { CarteraError } from '../errors';
import { headerOf, type ImportRow, type Layout } from './layout';

/** A row that cannot be imported; thrown by the field readers, caught once per row by the planner loop. */
export class RowReject extends Error {
  constructor(
    readonly reason: ImportRejectReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}

/** What a kind's planner is given: the rows, the file's conventions, and the rejects it adds to. */
export type Env = {
  ctx: Ctx;
  kind: ImportKind;
  rows: ImportRow[];
  layout: Layout;
  dates: DateReading;
  /** money field → its column's decimal mark, decided on the whole column */
  decimals: Record<string, DecimalMarkChoice>;
  defaultCurrency: string;
  rejects: ImportReject[];
  /** lines of rejected rows, so a preview can mark them */
  rejectedLines: Set<number>;
  /** the first rows as read, for the preview */
  sample: ImportSampleRow[];
  tick(): void;
};

/** What a planner hands back: counts so far and the writes, run only when the import goes ahead. */
export type Plan = {
  unchanged: number;
  writes: number;
  /** what will be created and updated (counts; lists where the kind keeps them), before any write */
  review?: Omit<ImportReview, 'unchanged'>;
  postDated?: ImportPostDated | null;
  /** `tick` once per row written, for progress */
  apply(ctx: Ctx, tick: () => void): Promise<{ created: number; updated: number }>;
};

const SAMPLE_ROWS = 20;

/**
 * How the file writes dates and decimals: the date fields' cells decide the date order, each money
 * field's cells its decimal mark. The cells are handed over as the rows are read, not gathered first:
 * for a 100k-row file the gathered cells were arrays and strings that outlived the young generation.
 * A money column whose mark cannot be decided stops the import (a CarteraError naming the choice).
 */
export function conventionsFor(
  rows: readonly ImportRow[],
  dateFields: readonly string[],
  moneyFields: readonly string[],
  decideDates: (cells: Iterable<Cell | undefined>) => DateReading,
  file: FileDialect & { headerOf(field: string): string },
): { dates: DateReading; decimals: Record<string, DecimalMarkChoice>; readings: Record<string, AmountReading> } {
  const dates = decideDates(cellsOf(rows, dateFields));
  const decimals: Record<string, DecimalMarkChoice> = {};
  const readings: Record<string, AmountReading> = {};
  for (const f of moneyFields) {
    const r = decideColumnMark(cellsOf(rows, [f]), file);
    if (!r.ok) {
      const key = r.problem === 'contradictory' ? 'import.error.decimal_contradictory' : 'import.error.decimal_unknown';
      throw new CarteraError('validation', key, { field: file.headerOf(f), a: r.examples[0] ?? '', b: r.examples[1] ?? '' });
    }
    decimals[f] = r.decimal;
    const digits = r.example === null ? null : readNumber(r.example.replace(/[^0-9.,]/g, ''), r.decimal);
    readings[f] = { decimal: r.decimal, basis: r.basis, example: r.example, readAs: digits ? digits[0] + (digits[1] ? '.' + digits[1] : '') : null };
  }
  return { dates, decimals, readings };
}

/** The fields' cells, row by row (each row split once). */
function* cellsOf(rows: readonly ImportRow[], fields: readonly string[]): Generator<Cell | undefined> {
  for (const r of rows) {
    r.hold();
    for (const f of fields) yield r.cell(f);
    r.release();
  }
}

export function reject(env: Env, row: ImportRow, e: RowReject): void {
  env.rejects.push({ line: row.line, reason: e.reason, message: translate(env.ctx.locale, `import.reject.${e.reason}`, e.params), raw: row.raw });
  env.rejectedLines.add(row.line);
}

/**
 * Runs fn for each row; a RowReject rejects that row only, anything else is a bug and aborts the import.
 * fn returns the row's values as they will be stored, shown in the preview.
 */
export function eachRow(env: Env, fn: (row: ImportRow) => Record<string, Cell | null>): void {
  for (const row of env.rows) {
    let values: Record<string, Cell | null> | null = null;
    let message: string | null = null;
    row.hold();
    try {
      values = fn(row);
    } catch (e) {
      if (!(e instanceof RowReject)) throw e;
      reject(env, row, e);
      message = env.rejects[env.rejects.length - 1]!.message;
    }
    if (env.sample.length < SAMPLE_ROWS) {
      values ??= Object.fromEntries(Object.keys(env.layout.mapping).map((f) => [f, row.cell(f) ?? null]));
      env.sample.push({ line: row.line, values, reject: message });
    }
    row.release();
    env.tick();
  }
}

const field = (env: Env, name: string) => headerOf(env.layout, name);

/** Free text (descriptions, addresses) keeps its line breaks; names, codes and numbers are one line. */
const MULTILINE = new Set(['description', 'address']);

export function text(env: Env, row: ImportRow, name: string, max: number, required = false): string | null {
  const raw = unneutralise(row.text(name)).trim();
  const v = MULTILINE.has(name) ? raw.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ') : raw.replace(/\s+/g, ' ');
  if (v === '') {
    if (required) throw new RowReject('required', { field: field(env, name) });
    return null;
  }
  if (v.length > max) throw new RowReject('too_long', { field: field(env, name), max });
  return v;
}

/** Dates an import accepts: a year like 2999 is a typo, and its due date would fall past what the book holds. */
export const IMPORT_DATES = { min: '1900-01-01', max: '2099-12-31' } as const;

export function inImportRange(env: Env, name: string, iso: string): string {
  if (iso < IMPORT_DATES.min || iso > IMPORT_DATES.max) throw new RowReject('date_out_of_range', { field: field(env, name), value: iso, ...IMPORT_DATES });
  return iso;
}

export function date(env: Env, row: ImportRow, name: string, required: boolean): string | null {
  const r = parseDateCell(row.cell(name), env.dates);
  if (r.ok) return inImportRange(env, name, r.value);
  if (r.reason === 'empty') {
    if (required) throw new RowReject('required', { field: field(env, name) });
    return null;
  }
  throw new RowReject(r.reason, { field: field(env, name), value: row.text(name) });
}

/** An amount in the currency's minor units; `positive` rejects zero and negatives, else only negatives. */
export function amount(env: Env, row: ImportRow, name: string, currency: string, positive: boolean): number | null {
  const cell = row.cell(name);
  const decimal = env.decimals[name] ?? '.';
  const r = parseAmountCell(cell, currency, decimal);
  const mark = translate(env.ctx.locale, decimal === ',' ? 'import.mark.comma' : 'import.mark.point');
  const params = { field: field(env, name), value: row.text(name), currency, mark, readAs: '' };
  if (!r.ok) {
    if (r.reason === 'empty') {
      if (positive) throw new RowReject('required', params);
      return null;
    }
    if (r.reason === 'currency_symbol') throw new RowReject('currency_symbol', params);
    if (r.reason === 'too_many_decimals') throw new RowReject('too_many_decimals', { ...params, readAs: 'readAs' in r ? (r.readAs ?? '') : '' });
    throw new RowReject('bad_amount', params);
  }
  if (positive && r.value <= 0) throw new RowReject('amount_not_positive', params);
  if (r.value < 0) throw new RowReject('amount_negative', params);
  return r.value;
}

/** The row's currency, or the company's default when the file has no currency column or the cell is empty. */
export function currency(env: Env, row: ImportRow, fallback = env.defaultCurrency): string {
  const v = row.text('currency').toUpperCase();
  if (v === '') return fallback;
  const code = CURRENCY_SYMBOLS[v] ?? v;
  if (!isCurrencyCode(code)) throw new RowReject('bad_currency', { value: row.text('currency') });
  return code;
}

/** What people write in a currency column instead of the ISO code. */
const CURRENCY_SYMBOLS: Record<string, string> = {
  'S/': 'PEN',
  'S/.': 'PEN',
  SOLES: 'PEN',
  SOL: 'PEN',
  US$: 'USD',
  USD$: 'USD',
  DOLARES: 'USD',
  DÓLARES: 'USD',
  '€': 'EUR',
  EUROS: 'EUR',
};

export function money(env: Env, value: number, cur: string): string {
  return formatMoney(value, cur, env.ctx.locale);
}

/** SQLite's NOCASE folds ASCII letters only; client codes are compared the same way here. */
export function codeKey(code: string): string {
  return code.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Tax ids are compared without dots, dashes and spaces (12.345.678-9 and 123456789 are the same RUT). */
export function taxKey(taxId: string): string {
  return taxId.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}
