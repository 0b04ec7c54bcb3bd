import type { Client, ClientDetail, ClientListRow } from '#shared/contract/clients';
import { sql } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import { riskOf } from '#shared/domain/risk';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { containsText, foldForSearch } from '../db/dialect';
import type { ClientsTable } from '../db/schema';
import { CarteraError, notFound } from '../errors';
import { balancesFor, countsFor } from './balances';
import { hasEventsAfter, openItemsTodaySql } from '../invoices/asOf';
import { getSettings } from '../settings/service';
import { toContact } from './contacts';

type ClientRow = Omit<ClientsTable, 'id'> & { id: number };

function toClient(r: ClientRow): Client {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    taxId: r.taxId,
    email: r.email,
    phone: r.phone,
    address: r.address,
    segment: r.segment,
    creditLimit: r.creditLimit,
    paymentTermsDays: r.paymentTermsDays,
    doNotContact: r.doNotContact === 1,
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** What type-ahead search looks in: code, name, tax id, phone and e-mail, folded. */
export function searchTextOf(c: Pick<Client, 'code' | 'name' | 'taxId' | 'phone' | 'email'>): string {
  return foldForSearch([c.code, c.name, c.taxId, c.phone, c.email].filter(Boolean).join(' | '));
}

async function assertCodeFree(ctx: Ctx, code: string, exceptId?: number): Promise<void> {
  let q = ctx.db.selectFrom('clients').select('id').where('code', '=', code);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new CarteraError('conflict', 'error.conflict.client_code', { code });
}

export async function createClient(ctx: Ctx, input: ParsedInputOf<'clients.create'>): Promise<ClientDetail> {
  await assertCodeFree(ctx, input.code);
  const now = nowIso(ctx);
  const row = await ctx.db
    .insertInto('clients')
    .values({
      code: input.code,
      name: input.name,
      taxId: input.taxId,
      email: input.email,
      phone: input.phone,
      address: input.address,
      segment: input.segment,
      creditLimit: input.creditLimit,
      paymentTermsDays: input.paymentTermsDays,
      doNotContact: input.doNotContact ? 1 : 0,
      notes: input.notes,
      searchText: searchTextOf(input),
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const client = toClient(row);
  await audit(ctx, { entity: 'client', entityId: client.id, action: 'create', after: client });
  return { ...client, balances: [], risk: 'none', contacts: [], invoiceCount: 0, openInvoiceCount: 0, paymentCount: 0 };
}

export async function updateClient(ctx: Ctx, input: ParsedInputOf<'clients.update'>): Promise<ClientDetail> {
  const { id, ...patch } = input;
  const before = await findClient(ctx, id);
  if (patch.code !== undefined && patch.code !== before.code) await assertCodeFree(ctx, patch.code, id);
  const merged = { ...before, ...stripUndefined(patch) };
  const row = await ctx.db
    .updateTable('clients')
    .set({
      code: merged.code,
      name: merged.name,
      taxId: merged.taxId,
      email: merged.email,
      phone: merged.phone,
      address: merged.address,
      segment: merged.segment,
      creditLimit: merged.creditLimit,
      paymentTermsDays: merged.paymentTermsDays,
      doNotContact: merged.doNotContact ? 1 : 0,
      notes: merged.notes,
      searchText: searchTextOf(merged),
      updatedAt: nowIso(ctx),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toClient(row);
  await audit(ctx, { entity: 'client', entityId: id, action: 'update', before, after });
  return getClient(ctx, id);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function findClient(ctx: Ctx, id: number): Promise<Client> {
  const row = await ctx.db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('client', id);
  return toClient(row);
}

export async function getClient(ctx: Ctx, id: number): Promise<ClientDetail> {
  const client = await findClient(ctx, id);
  const [balances, contacts, counts] = await Promise.all([
    balancesFor(ctx, [id]),
    ctx.db.selectFrom('contacts').selectAll().where('clientId', '=', id).orderBy('id').execute(),
    countsFor(ctx, id),
  ]);
  return {
    ...client,
    balances: balances.get(id) ?? [],
    risk: riskOf(balances.get(id) ?? []),
    contacts: contacts.map(toContact),
    ...counts,
  };
}

export async function listClients(
  ctx: Ctx,
  input: ParsedInputOf<'clients.list'>,
): Promise<{ rows: ClientListRow[]; total: number; sortCurrency: string | null }> {
  const today = ctx.clock.today();
  const byBalance = input.sort === 'balance' || input.sort === 'daysOverdue';
  // balance sorts say which currency they rank by: the one asked for, the filter's, or the default
  const sortCurrency = byBalance ? (input.sortCurrency ?? input.currency ?? (await getSettings(ctx)).defaultCurrency) : null;
  const needsItems = input.currency !== undefined || input.overdueOnly || byBalance;
  const post = needsItems ? await hasEventsAfter(ctx, today) : false;
  const items = sql`(${openItemsTodaySql(today, post)})`;
  // open and overdue per client in the sort currency, by the aging rule (invoices/asOf.ts)
  const ranked = sql`(SELECT client_id, sum(open) AS open, min(CASE WHEN due_date < ${today} AND open > disputed THEN due_date END) AS oldest_overdue
    FROM ${items} WHERE currency = ${sortCurrency ?? ''} GROUP BY client_id)`;
  let q = ctx.db.selectFrom('clients as c').where('c.archivedAt', 'is', null);
  const term = input.search ? foldForSearch(input.search.trim()) : '';
  if (term) q = q.where(containsText('c.searchText', term));
  if (input.segment !== undefined) q = q.where('c.segment', '=', input.segment);
  if (input.stageId !== undefined) q = q.where('c.stageId', '=', input.stageId);
  if (input.doNotContact !== undefined) q = q.where('c.doNotContact', '=', input.doNotContact ? 1 : 0);
  if (input.currency !== undefined) q = q.where(sql<boolean>`c.id IN (SELECT client_id FROM ${items} WHERE currency = ${input.currency})`);
  // "overdue" in the chosen currency, or (any currency) in every currency the client owes in
  if (input.overdueOnly) {
    const cur = input.currency !== undefined ? sql` AND currency = ${input.currency}` : sql``;
    q = q.where(sql<boolean>`c.id IN (SELECT client_id FROM ${items} WHERE due_date < ${today} AND open > disputed${cur})`);
  }
  const filtered = byBalance ? q.leftJoin(ranked.as('b'), (j) => j.onRef(sql.ref('b.client_id') as never, '=', 'c.id')) : q;
  const dir = input.dir ?? (byBalance ? 'desc' : 'asc');
  let page = filtered.select(['c.id', 'c.code', 'c.name', 'c.taxId', 'c.segment', 'c.doNotContact']);
  if (input.sort === 'balance') page = page.orderBy(sql`coalesce(b.open, 0)`, dir);
  // days overdue grows as the oldest overdue due date gets older: sort that date the other way
  else if (input.sort === 'daysOverdue') page = page.orderBy(sql`coalesce(b.oldest_overdue, '9999-12-31')`, dir === 'desc' ? 'asc' : 'desc');
  else if (input.sort === 'code') page = page.orderBy('c.code', dir);
  else page = page.orderBy('c.name', dir);
  const [rows, count] = await Promise.all([
    page.orderBy('c.id').limit(input.limit).offset(input.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const balances = await balancesFor(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    total: Number(count.n),
    sortCurrency,
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      taxId: r.taxId,
      segment: r.segment,
      doNotContact: r.doNotContact === 1,
      balances: balances.get(r.id) ?? [],
      risk: riskOf(balances.get(r.id) ?? []),
    })),
  };
}

export async function listSegments(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db.selectFrom('clients').select('segment').distinct().where('segment', 'is not', null).orderBy('segment').execute();
  return rows.map((r) => r.segment!).filter(Boolean);
}
