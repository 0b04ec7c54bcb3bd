import { z } from 'zod';
import { op } from './op';
import type { RiskLevel } from '../domain/risk';
import { cents, currency, email, id, optionalText, paging, requiredText, text } from './schemas';

export type CurrencyBalance = {
  currency: string;
  /** open invoices minus credits and allocations, in minor units */
  open: number;
  /** the part of `open` past its due date today */
  overdue: number;
  /** unapplied payments (client credit) in this currency */
  credit: number;
  maxDaysOverdue: number;
};

export type ClientListRow = {
  id: number;
  code: string;
  name: string;
  taxId: string | null;
  segment: string | null;
  doNotContact: boolean;
  balances: CurrencyBalance[];
  /** from how much is late and how late (shared/domain/risk.ts) */
  risk: RiskLevel;
};

export type Contact = {
  id: number;
  clientId: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  whatsapp: string | null;
  preferredChannel: 'phone' | 'email' | 'whatsapp' | 'sms' | 'letter' | 'visit' | null;
};

export type Client = {
  id: number;
  code: string;
  name: string;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  segment: string | null;
  creditLimit: number | null;
  paymentTermsDays: number;
  doNotContact: boolean;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ClientDetail = Client & {
  balances: CurrencyBalance[];
  risk: RiskLevel;
  contacts: Contact[];
  /** all the client's invoices, voided included: what invoices.listByClient pages through */
  invoiceCount: number;
  /** invoices with an open amount: the first ones invoices.listByClient returns */
  openInvoiceCount: number;
  /** all the client's payments, voided included: what payments.listByClient pages through */
  paymentCount: number;
};

const clientFields = {
  code: requiredText(40).regex(/^[^\s]+$/, { error: 'validation.code' }),
  name: requiredText(200),
  taxId: optionalText(40),
  email,
  phone: optionalText(40),
  address: optionalText(500),
  segment: optionalText(60),
  creditLimit: cents.refine((n) => n >= 0, { error: 'validation.amount_not_negative' }).nullish().transform((v) => v ?? null),
  paymentTermsDays: z.number({ error: 'validation.terms' }).int({ error: 'validation.terms' }).min(0, { error: 'validation.terms' }).max(3650, { error: 'validation.terms' }),
  doNotContact: z.boolean(),
  notes: optionalText(5000),
};

export const createClient = op<ClientDetail>()(
  'clients.create',
  z
    .object({
      ...clientFields,
      paymentTermsDays: clientFields.paymentTermsDays.default(30),
      doNotContact: clientFields.doNotContact.default(false),
    })
    .strict(),
  { writes: true },
);

export const updateClient = op<ClientDetail>()(
  'clients.update',
  z
    .object({ id })
    .extend(z.object(clientFields).partial().shape)
    .strict(),
  { writes: true },
);

export const getClient = op<ClientDetail>()('clients.get', z.object({ id }).strict(), { writes: false });

export const listClients = op<{ rows: ClientListRow[]; total: number }>()(
  'clients.list',
  z
    .object({
      search: text(100).optional(),
      segment: text(60).optional(),
      stageId: id.optional(),
      /** only clients with an open balance in this currency; also the currency balance sorting uses */
      currency: currency.optional(),
      overdueOnly: z.boolean().optional(),
      doNotContact: z.boolean().optional(),
      /** balance and daysOverdue sort by the `currency` filter, or the company's default currency */
      sort: z.enum(['name', 'code', 'balance', 'daysOverdue']).default('name'),
      dir: z.enum(['asc', 'desc']).optional(),
      ...paging,
    })
    .strict(),
  { writes: false },
);

const channel = z.enum(['phone', 'email', 'whatsapp', 'sms', 'letter', 'visit']);
const contactFields = {
  name: requiredText(200),
  role: optionalText(80),
  phone: optionalText(40),
  email,
  whatsapp: optionalText(40),
  preferredChannel: channel.nullish().transform((v) => v ?? null),
};

export const createContact = op<Contact>()('contacts.create', z.object({ clientId: id, ...contactFields }).strict(), { writes: true });
export const updateContact = op<Contact>()('contacts.update', z.object({ id }).extend(z.object(contactFields).partial().shape).strict(), { writes: true });
/** Removes a contact nobody refers to; one named in interactions stays (history keeps its meaning). */
export const removeContact = op<{ removed: true }>()('contacts.remove', z.object({ id }).strict(), { writes: true });

export const listSegments = op<string[]>()('clients.segments', z.object({}).strict(), { writes: false });

export const clientOps = [createClient, updateClient, getClient, listClients, createContact, updateContact, removeContact, listSegments] as const;
