import { z } from 'zod';
import { op } from './op';
import type { RiskLevel } from '../domain/risk';
import { cents, currency, email, id, optionalText, paging, requiredText, text } from './schemas';

/** Payments dated after today (deferred cheques) on one date: kept, but not subtracted until then. */
export type PostDated = { date: string; amount: number };

/** A client's figures in one currency as of today, by the aging rule (only events dated ≤ today count). */
export type CurrencyBalance = {
  currency: string;
  /** open invoices minus credits and allocations dated up to today, in minor units */
  open: number;
  /** the part of `open` past its due date today, disputed amounts excluded */
  overdue: number;
  /** unapplied payments dated up to today (client credit) in this currency */
  credit: number;
  maxDaysOverdue: number;
  /** the part of `open` under an open dispute: shown apart, never chased as overdue */
  disputed: number;
  /** payments dated after today, per date (oldest first); not subtracted from `open` yet */
  postDated: PostDated[];
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
  creditLimit: cents
    .refine((n) => n >= 0, { error: 'validation.amount_not_negative' })
    .nullish()
    .transform((v) => v ?? null),
  paymentTermsDays: z
    .number({ error: 'validation.terms' })
    .int({ error: 'validation.terms' })
    .min(0, { error: 'validation.terms' })
    .max(3650, { error: 'validation.terms' }),
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

export const updateClient = op<ClientDetail>()('clients.update', z.object({ id }).extend(z.object(clientFields).partial().shape).strict(), { writes: true });

export const getClient = op<ClientDetail>()('clients.get', z.object({ id }).strict(), { writes: false });

/** `sortCurrency`: the currency balance and days-overdue sorts ranked by (null for other sorts). */
export const listClients = op<{ rows: ClientListRow[]; total: number; sortCurrency: string | null }>()(
  'clients.list',
  z
    .object({
      search: text(100).optional(),
      segment: text(60).optional(),
      stageId: id.optional(),
      /** only clients with an open balance in this currency */
      currency: currency.optional(),
      /** overdue in `currency`, or in any currency when none is given */
      overdueOnly: z.boolean().optional(),
      /** the currency balance and daysOverdue sorts rank by; default: `currency`, else the company's */
      sortCurrency: currency.optional(),
      doNotContact: z.boolean().optional(),
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
