import type { Contact } from '#shared/contract/clients';
import type { ParsedInputOf } from '#shared/contract/index';
import { audit } from '../audit';
import type { Ctx } from '../context';
import { nowIso } from '../context';
import type { ContactsTable } from '../db/schema';
import { CarteraError } from '../errors';
import { findClient } from './service';

type ContactRow = Omit<ContactsTable, 'id'> & { id: number };

export function toContact(c: ContactRow): Contact {
  return {
    id: c.id,
    clientId: c.clientId,
    name: c.name,
    role: c.role,
    phone: c.phone,
    email: c.email,
    whatsapp: c.whatsapp,
    preferredChannel: c.preferredChannel as Contact['preferredChannel'],
  };
}

async function findContact(ctx: Ctx, id: number): Promise<ContactRow> {
  const row = await ctx.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new CarteraError('not_found', 'error.not_found.contact', { id });
  return row;
}

export async function createContact(ctx: Ctx, input: ParsedInputOf<'contacts.create'>): Promise<Contact> {
  await findClient(ctx, input.clientId);
  const now = nowIso(ctx);
  const row = await ctx.db
    .insertInto('contacts')
    .values({ ...input, createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  const contact = toContact(row);
  await audit(ctx, { entity: 'contact', entityId: contact.id, action: 'create', after: contact });
  return contact;
}

export async function updateContact(ctx: Ctx, input: ParsedInputOf<'contacts.update'>): Promise<Contact> {
  const { id, ...patch } = input;
  const before = toContact(await findContact(ctx, id));
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const row = await ctx.db
    .updateTable('contacts')
    .set({ ...set, updatedAt: nowIso(ctx) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toContact(row);
  await audit(ctx, { entity: 'contact', entityId: id, action: 'update', before, after });
  return after;
}

export async function removeContact(ctx: Ctx, input: ParsedInputOf<'contacts.remove'>): Promise<{ removed: true }> {
  const before = toContact(await findContact(ctx, input.id));
  const used = await ctx.db.selectFrom('interactions').select('id').where('contactId', '=', input.id).limit(1).executeTakeFirst();
  if (used) throw new CarteraError('invalid_state', 'error.contact.in_use', { name: before.name });
  await ctx.db.deleteFrom('contacts').where('id', '=', input.id).execute();
  await audit(ctx, { entity: 'contact', entityId: input.id, action: 'remove', before });
  return { removed: true };
}
