import { allocateOldestFirst, type AllocationLine } from '#shared/domain/allocation';
import { normalizeMethod } from '#shared/domain/importValues';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { bulkInserter, nextId } from '../db/dialect';
import { refreshInvoiceBalance } from '../invoices/balance';
import { displayNumber } from '../invoices/service';
import type { ImportPostDated } from '#shared/contract/imports';
import { amount, currency, date, eachRow, money, RowReject, text, type Env, type Plan } from './env';
import { chunks, loadClientIndex } from './lookup';
import { loadBook, type BookInvoice } from './paymentBook';

type NewPayment = {
  clientId: number;
  date: string;
  amount: number;
  currency: string;
  method: string;
  reference: string | null;
  lines: AllocationLine[];
  unapplied: number;
};

/**
 * Payments are keyed by reference within the client, or by client + date + amount + currency + invoice
 * when there is none. Without a reference two equal payments on one day are legitimate, so the n-th such
 * row of a file matches the n-th stored payment: a re-import finds them all and adds nothing.
 */
export async function planPayments(env: Env): Promise<Plan> {
  const clients = await loadClientIndex(env.ctx);
  const clientIds = new Set<number>();
  for (const row of env.rows) {
    row.hold();
    try {
      clientIds.add(clients.resolve(env, row).id);
    } catch {
      // the main pass below rejects the row with its reason
    }
    row.release();
  }
  const book = await loadBook(env.ctx, [...clientIds]);
  const seenRefs = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const creates: NewPayment[] = [];
  let unchanged = 0;

  eachRow(env, (row) => {
    const client = clients.resolve(env, row);
    const day = date(env, row, 'date', true)!;
    const invoiceText = text(env, row, 'invoice_number', 61);
    const inv = invoiceText ? book.invoice(client.id, invoiceText) : null;
    if (invoiceText && !inv) throw new RowReject('unknown_invoice', { code: client.code, number: invoiceText });
    if (inv?.voided) throw new RowReject('invoice_voided', { number: displayNumber(inv) });
    const cur = currency(env, row, inv?.currency);
    if (inv && inv.currency !== cur)
      throw new RowReject('currency_mismatch', { number: displayNumber(inv), invoiceCurrency: inv.currency, paymentCurrency: cur });
    const paid = amount(env, row, 'amount', cur, true)!;
    const method = normalizeMethod(text(env, row, 'method', 40) ?? '');
    const reference = text(env, row, 'reference', 80);
    const values = { client_code: client.code, invoice_number: inv ? displayNumber(inv) : null, date: day, amount: paid, currency: cur, method, reference };

    if (reference) {
      const refKey = `${client.id}\u0000${reference}`;
      const first = seenRefs.get(refKey);
      if (first !== undefined) throw new RowReject('duplicate_in_file', { key: reference, line: first });
      const stored = book.byReference.get(refKey);
      if (stored) {
        const diff = [stored.date !== day && 'date', stored.amount !== paid && 'amount', stored.currency !== cur && 'currency'].filter(Boolean);
        if (diff.length > 0) throw new RowReject('conflict_existing', { key: reference, fields: diff.join(', ') });
        seenRefs.set(refKey, row.line);
        unchanged++;
        return values;
      }
    } else {
      const key = book.plainKey(client.id, day, paid, cur, inv?.id ?? null);
      const nth = (occurrences.get(key) ?? 0) + 1;
      if (nth <= (book.plainCounts.get(key) ?? 0)) {
        occurrences.set(key, nth);
        unchanged++;
        return values;
      }
    }

    let lines: AllocationLine[];
    if (inv) {
      if (paid > inv.open) throw new RowReject('exceeds_open', { number: displayNumber(inv), open: money(env, inv.open, cur), amount: money(env, paid, cur) });
      lines = [{ invoiceId: inv.id, amount: paid }];
    } else {
      lines = allocateOldestFirst(paid, book.openOf(client.id, cur)).lines;
    }
    // accepted: from here on the row changes the running balances later rows are checked against
    for (const l of lines) book.byId.get(l.invoiceId)!.open -= l.amount;
    if (reference) seenRefs.set(`${client.id}\u0000${reference}`, row.line);
    else {
      const key = book.plainKey(client.id, day, paid, cur, inv?.id ?? null);
      occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
    }
    const allocated = lines.reduce((s, l) => s + l.amount, 0);
    creates.push({ clientId: client.id, date: day, amount: paid, currency: cur, method, reference, lines, unapplied: paid - allocated });
    return values;
  });
  return {
    unchanged,
    writes: creates.length,
    postDated: postDatedOf(creates, env.ctx.clock.today()),
    apply: (ctx, tick) => applyPayments(ctx, creates, book.byId, tick),
  };
}

/** The new payments dated after today: kept (deferred cheques), reported so the user is told. */
function postDatedOf(creates: readonly NewPayment[], today: string): ImportPostDated | null {
  let count = 0;
  let first = '';
  let last = '';
  for (const p of creates) {
    if (p.date <= today) continue;
    count++;
    if (!first || p.date < first) first = p.date;
    if (p.date > last) last = p.date;
  }
  return count ? { count, first, last } : null;
}

async function applyPayments(ctx: Ctx, creates: NewPayment[], invoices: Map<number, BookInvoice>, tick: () => void) {
  const now = nowIso(ctx);
  const insertPayment = bulkInserter(ctx.sqlite, 'payments', [
    'id',
    'client_id',
    'date',
    'amount',
    'currency',
    'method',
    'reference',
    'unapplied_amount',
    'created_at',
    'updated_at',
  ]);
  const insertAllocation = bulkInserter(ctx.sqlite, 'payment_allocations', ['payment_id', 'invoice_id', 'amount', 'date', 'created_at']);
  let id = nextId(ctx.sqlite, 'payments');
  const touched = new Set<number>();
  for (const p of creates) {
    const paymentId = id++;
    insertPayment([paymentId, p.clientId, p.date, p.amount, p.currency, p.method, p.reference, p.unapplied, now, now]);
    for (const l of p.lines) {
      insertAllocation([paymentId, l.invoiceId, l.amount, p.date, now]);
      touched.add(l.invoiceId);
    }
    tick();
  }
  for (const invoiceId of touched) await refreshInvoiceBalance(ctx, invoiceId);
  await checkBalances(ctx, [...touched], invoices);
  return { created: creates.length, updated: 0 };
}

/** The stored balances must equal the ones the rows were checked against; if not, roll everything back. */
async function checkBalances(ctx: Ctx, ids: number[], expected: Map<number, BookInvoice>): Promise<void> {
  for (const part of chunks(ids)) {
    const rows = await ctx.db.selectFrom('invoices').select(['id', 'openAmount']).where('id', 'in', part).execute();
    for (const r of rows) {
      const want = expected.get(r.id)?.open;
      if (want !== r.openAmount) throw new Error(`import: invoice ${r.id} balance ${r.openAmount} differs from the planned ${want}`);
    }
  }
}
