import type { Client, ClientDetail, ClientListRow, Contact } from '#shared/contract/clients';
import type { ParsedInputOf } from '#shared/contract/index';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import { containsText, foldForSearch } from '../db/dialect';
import type { ClientsTable } from '../db/schema';
import { CarteraError, notFound } from '../errors';
import { balancesFor } from './balances';

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
  return { ...client, balances: [], contacts: [] };
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
  const [balances, contacts] = await Promise.all([
    balancesFor(ctx, [id]),
    ctx.db.selectFrom('contacts').selectAll().where('clientId', '=', id).orderBy('id').execute(),
  ]);
  return {
    ...client,
    balances: balances.get(id) ?? [],
    contacts: contacts.map(
      (c): Contact => ({
        id: c.id,
        clientId: c.clientId,
        name: c.name,
        role: c.role,
        phone: c.phone,
        email: c.email,
        whatsapp: c.whatsapp,
        preferredChannel: c.preferredChannel as Contact['preferredChannel'],
      }),
    ),
  };
}

export async function listClients(ctx: Ctx, input: ParsedInputOf<'clients.list'>): Promise<{ rows: ClientListRow[]; total: number }> {
  let q = ctx.db.selectFrom('clients').where('archivedAt', 'is', null);
  const term = input.search ? foldForSearch(input.search.trim()) : '';
  if (term) q = q.where(containsText('searchText', term));
  const [rows, count] = await Promise.all([
    q.select(['id', 'code', 'name', 'taxId', 'segment', 'doNotContact']).orderBy('name').orderBy('id').limit(input.limit).offset(input.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const balances = await balancesFor(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      taxId: r.taxId,
      segment: r.segment,
      doNotContact: r.doNotContact === 1,
      balances: balances.get(r.id) ?? [],
    })),
  };
}
