import { sql } from 'kysely';
import { addDays } from '#shared/domain/dates';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { bulkInserter } from '../db/dialect';
import { displayNumber } from '../invoices/service';
import { amount, currency, date, eachRow, reject, RowReject, text, type Env, type Plan } from './env';
import { headerOf } from './layout';
import { chunks, loadClientIndex } from './lookup';

type InvoiceValues = {
  clientId: number;
  series: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  description: string | null;
};
type Stored = Omit<InvoiceValues, 'clientId' | 'series' | 'number'>;

/** The identity of an invoice: one number per series per client (the table's unique key). */
const keyOf = (clientId: number, series: string, number: string) => `${clientId}\u0000${series}\u0000${number}`;

/** Raw SQL without the camel-case plugin: mapping 100k result rows through it costs more than the query. */
async function loadExisting(ctx: Ctx, clientIds: number[]): Promise<Map<string, Stored>> {
  const map = new Map<string, Stored>();
  const db = ctx.db.withoutPlugins();
  for (const ids of chunks(clientIds)) {
    const { rows } = await sql<Stored & { clientId: number; series: string; number: string }>`
      SELECT client_id AS "clientId", series, number, issue_date AS "issueDate", due_date AS "dueDate", currency, amount, description
      FROM invoices WHERE client_id IN (${sql.join(ids)})`.execute(db);
    for (const r of rows) map.set(keyOf(r.clientId, r.series, r.number), r);
  }
  return map;
}

/**
 * What differs between a stored invoice and the file's row; the due date and description count only
 * when the file gives them (a defaulted due date is not a claim about the invoice).
 */
export function invoiceDifferences(stored: Stored, row: InvoiceValues, given: { dueDate: boolean; description: boolean }): string[] {
  const diff: string[] = [];
  if (stored.issueDate !== row.issueDate) diff.push('issue_date');
  if (given.dueDate && stored.dueDate !== row.dueDate) diff.push('due_date');
  if (stored.currency !== row.currency) diff.push('currency');
  if (stored.amount !== row.amount) diff.push('amount');
  if (given.description && (stored.description ?? '') !== (row.description ?? '')) diff.push('description');
  return diff;
}

const dueCache = new Map<string, string>();
/** issue + terms; files repeat the same few dates thousands of times, so the calendar sum is remembered. */
function defaultDue(issue: string, terms: number): string {
  const k = `${issue}+${terms}`;
  let d = dueCache.get(k);
  if (d === undefined) {
    d = addDays(issue, terms);
    if (dueCache.size > 100_000) dueCache.clear();
    dueCache.set(k, d);
  }
  return d;
}

/** Invoices are created once: a known number with the same data is unchanged, with other data rejected. */
export async function planInvoices(env: Env): Promise<Plan> {
  const clients = await loadClientIndex(env.ctx);
  const parsed: { line: number; v: InvoiceValues; givenDue: boolean; givenDescription: boolean }[] = [];
  eachRow(env, (row) => {
    const client = clients.resolve(env, row);
    const cur = currency(env, row);
    const issueDate = date(env, row, 'issue_date', true)!;
    const due = date(env, row, 'due_date', false);
    const dueDate = due ?? defaultDue(issueDate, client.terms);
    if (dueDate < issueDate) throw new RowReject('due_before_issue', { due: dueDate, issue: issueDate });
    const v: InvoiceValues = {
      clientId: client.id,
      series: text(env, row, 'series', 20) ?? '',
      number: text(env, row, 'number', 40, true)!,
      issueDate,
      dueDate,
      currency: cur,
      amount: amount(env, row, 'amount', cur, true)!,
      description: text(env, row, 'description', 500),
    };
    parsed.push({ line: row.line, v, givenDue: due !== null, givenDescription: v.description !== null });
    return { client_code: client.code, ...v };
  });
  // second pass over the rows that read well: duplicates and existing invoices need all clients known
  const existing = await loadExisting(env.ctx, [...new Set(parsed.map((p) => p.v.clientId))]);
  const seen = new Map<string, number>();
  const creates: InvoiceValues[] = [];
  let unchanged = 0;
  const byLine = new Map(env.rows.map((r) => [r.line, r]));
  for (const p of parsed) {
    const key = keyOf(p.v.clientId, p.v.series, p.v.number);
    const number = displayNumber(p.v);
    const row = byLine.get(p.line)!;
    const first = seen.get(key);
    if (first !== undefined) {
      reject(env, row, new RowReject('duplicate_in_file', { key: number, line: first }));
      continue;
    }
    seen.set(key, p.line);
    const stored = existing.get(key);
    if (!stored) creates.push(p.v);
    else {
      const diff = invoiceDifferences(stored, p.v, { dueDate: p.givenDue, description: p.givenDescription });
      if (diff.length > 0) reject(env, row, new RowReject('conflict_existing', { key: number, fields: diff.map((f) => headerOf(env.layout, f)).join(', ') }));
      else unchanged++;
    }
  }
  return { unchanged, writes: creates.length, apply: async (ctx) => applyInvoices(ctx, creates) };
}

/** New invoices have no credits or allocations yet, so their open amount is the amount. */
async function applyInvoices(ctx: Ctx, creates: InvoiceValues[]) {
  const now = nowIso(ctx);
  const insert = bulkInserter(ctx.sqlite, 'invoices', ['client_id', 'series', 'number', 'issue_date', 'due_date', 'currency', 'amount', 'open_amount', 'description', 'created_at', 'updated_at']);
  for (const v of creates) insert([v.clientId, v.series, v.number, v.issueDate, v.dueDate, v.currency, v.amount, v.amount, v.description, now, now]);
  return { created: creates.length, updated: 0 };
}
