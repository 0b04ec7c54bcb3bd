import { REVIEW_LIST_MAX, type ImportReviewItem } from '#shared/contract/imports';
import { parseTermsCell } from '#shared/domain/importValues';
import { searchTextOf } from '../clients/service';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { bulkInserter } from '../db/dialect';
import { amount, codeKey, eachRow, RowReject, text, type Env, type Plan } from './env';
import { headerOf, type ImportRow } from './layout';

type ClientValues = {
  code: string;
  name: string;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  segment: string | null;
  creditLimit: number | null;
  paymentTermsDays: number | null;
};
type Existing = ClientValues & { id: number; paymentTermsDays: number };

/** The import field (and review label) of each stored value. */
const FIELD_OF: Record<keyof ClientValues, string> = {
  code: 'code',
  name: 'name',
  taxId: 'tax_id',
  email: 'email',
  phone: 'phone',
  address: 'address',
  segment: 'segment',
  creditLimit: 'credit_limit',
  paymentTermsDays: 'payment_terms_days',
};

/** New clients' terms when the file has none (the same default as clients.create). */
const DEFAULT_TERMS = 30;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function readClient(env: Env, row: ImportRow): ClientValues {
  const code = text(env, row, 'code', 40, true)!;
  if (/\s/.test(code)) throw new RowReject('bad_code', { value: code });
  const email = text(env, row, 'email', 254);
  if (email && !EMAIL.test(email)) throw new RowReject('bad_email', { value: email });
  let terms: number | null = null;
  if (row.text('payment_terms_days') !== '') {
    terms = parseTermsCell(row.cell('payment_terms_days'));
    if (terms === null) throw new RowReject('bad_terms', { field: headerOf(env.layout, 'payment_terms_days'), value: row.text('payment_terms_days') });
  }
  return {
    code,
    name: text(env, row, 'name', 200, true)!,
    taxId: text(env, row, 'tax_id', 40),
    email,
    phone: text(env, row, 'phone', 40),
    address: text(env, row, 'address', 500),
    segment: text(env, row, 'segment', 60),
    creditLimit: amount(env, row, 'credit_limit', env.defaultCurrency, false),
    paymentTermsDays: terms,
  };
}

/** The fields the file gives (non-empty) that differ from the stored client: empty cells never erase data. */
export function changedFields(existing: Existing, incoming: ClientValues): (keyof ClientValues)[] {
  return (Object.keys(incoming) as (keyof ClientValues)[]).filter((k) => k !== 'code' && incoming[k] !== null && incoming[k] !== existing[k]);
}

/** Clients are keyed by code: new codes are created, known ones updated with what the file adds or changes. */
export async function planClients(env: Env): Promise<Plan> {
  const existing = new Map<string, Existing>();
  for (const r of await env.ctx.db
    .selectFrom('clients')
    .select(['id', 'code', 'name', 'taxId', 'email', 'phone', 'address', 'segment', 'creditLimit', 'paymentTermsDays'])
    .execute()) {
    existing.set(codeKey(r.code), r);
  }
  const seen = new Map<string, number>();
  const creates: ClientValues[] = [];
  const updates: { id: number; values: Existing }[] = [];
  const review = { creates: [] as ImportReviewItem[], updates: [] as ImportReviewItem[] };
  let unchanged = 0;
  eachRow(env, (row) => {
    const v = readClient(env, row);
    const key = codeKey(v.code);
    const first = seen.get(key);
    if (first !== undefined) throw new RowReject('duplicate_in_file', { key: v.code, line: first });
    seen.set(key, row.line);
    const old = existing.get(key);
    if (!old) {
      creates.push(v);
      if (review.creates.length < REVIEW_LIST_MAX) review.creates.push({ line: row.line, key: v.code, label: v.name, changes: [] });
    } else if (changedFields(old, v).length === 0) unchanged++;
    else {
      const merged = { ...old };
      const changes = changedFields(old, v).map((k) => ({ field: FIELD_OF[k], before: old[k], after: v[k] }));
      for (const k of changedFields(old, v)) (merged as Record<string, unknown>)[k] = v[k];
      updates.push({ id: old.id, values: merged });
      if (review.updates.length < REVIEW_LIST_MAX) review.updates.push({ line: row.line, key: old.code, label: old.name, changes });
    }
    return { ...v, paymentTermsDays: v.paymentTermsDays ?? old?.paymentTermsDays ?? DEFAULT_TERMS };
  });
  return {
    unchanged,
    writes: creates.length + updates.length,
    review: { create: creates.length, update: updates.length, ...review },
    apply: async (ctx, tick) => applyClients(ctx, creates, updates, tick),
  };
}

async function applyClients(ctx: Ctx, creates: ClientValues[], updates: { id: number; values: Existing }[], tick: () => void) {
  const now = nowIso(ctx);
  const insert = bulkInserter(ctx.sqlite, 'clients', [
    'code',
    'name',
    'tax_id',
    'email',
    'phone',
    'address',
    'segment',
    'credit_limit',
    'payment_terms_days',
    'do_not_contact',
    'search_text',
    'created_at',
    'updated_at',
  ]);
  for (const c of creates) {
    insert([c.code, c.name, c.taxId, c.email, c.phone, c.address, c.segment, c.creditLimit, c.paymentTermsDays ?? DEFAULT_TERMS, 0, searchTextOf(c), now, now]);
    tick();
  }
  for (const { id, values: v } of updates) {
    await ctx.db
      .updateTable('clients')
      .set({
        name: v.name,
        taxId: v.taxId,
        email: v.email,
        phone: v.phone,
        address: v.address,
        segment: v.segment,
        creditLimit: v.creditLimit,
        paymentTermsDays: v.paymentTermsDays,
        searchText: searchTextOf(v),
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    tick();
  }
  return { created: creates.length, updated: updates.length };
}
