import { z } from 'zod';
import { op } from './op';
import { currency, id, isoDate, optionalText, positiveCents, requiredText, text } from './schemas';

/** Derived, never stored: see invoiceStatus() in the core. */
export type InvoiceStatus = 'open' | 'partly_paid' | 'paid' | 'overdue' | 'disputed' | 'voided';

export type Invoice = {
  id: number;
  clientId: number;
  series: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  /** amount − every credit and allocation, post-dated ones included: what can still be applied */
  openAmount: number;
  /** what is owed today by the aging rule: `openAmount` plus the payments and credits dated after today */
  openToday: number;
  /** payments and credit notes on this invoice dated after today (deferred cheques), minor units */
  postDated: number;
  description: string | null;
  receiptConfirmedOn: string | null;
  status: InvoiceStatus;
  voidedAt: string | null;
  voidReason: string | null;
  /** an open dispute on this invoice */
  disputed: boolean;
};

export type InvoiceListRow = Invoice & { clientCode: string; clientName: string };

export type CreditNote = {
  id: number;
  clientId: number;
  invoiceId: number;
  invoiceNumber: string;
  number: string;
  date: string;
  currency: string;
  amount: number;
  reason: string | null;
  voidedAt: string | null;
  voidReason: string | null;
};

export type Dispute = {
  id: number;
  clientId: number;
  invoiceId: number | null;
  openedOn: string;
  reason: string;
  amount: number | null;
  status: 'open' | 'resolved' | 'rejected';
  resolvedOn: string | null;
  resolution: string | null;
};

export const createInvoice = op<Invoice>()(
  'invoices.create',
  z
    .object({
      clientId: id,
      series: text(20).default(''),
      number: requiredText(40),
      issueDate: isoDate,
      /** defaults to issue date + the client's payment terms */
      dueDate: isoDate.optional(),
      currency,
      amount: positiveCents,
      description: optionalText(500),
    })
    .strict()
    .refine((v) => v.dueDate === undefined || v.dueDate >= v.issueDate, { error: 'validation.due_before_issue', path: ['dueDate'] }),
  { writes: true },
);

/**
 * One page of a client's invoices: the open ones first (open amount > 0), then the rest; each part by due
 * date, newest first, then id. The open ones are always on the first pages; `clients.get` gives the counts
 * (invoiceCount, openInvoiceCount) to say "showing 200 of 4,400" and load more.
 */
export const listClientInvoices = op<Invoice[]>()(
  'invoices.listByClient',
  z
    .object({
      clientId: id,
      limit: z.number().int().min(1).max(5000).default(200),
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    })
    .strict(),
  { writes: false },
);

/** Edits an invoice. The amount cannot drop below what was already paid or credited, and the
 * currency or client cannot change once money was applied to it. */
export const updateInvoice = op<Invoice>()(
  'invoices.update',
  z
    .object({
      id,
      series: text(20).optional(),
      number: requiredText(40).optional(),
      issueDate: isoDate.optional(),
      dueDate: isoDate.optional(),
      currency: currency.optional(),
      amount: positiveCents.optional(),
      description: optionalText(500).optional(),
    })
    .strict(),
  { writes: true },
);

export const voidInvoice = op<Invoice>()('invoices.void', z.object({ id, reason: requiredText(500) }).strict(), { writes: true });

export const confirmReceipt = op<Invoice>()('invoices.confirmReceipt', z.object({ id, date: isoDate.nullable() }).strict(), { writes: true });

export const listInvoices = op<{ rows: InvoiceListRow[]; total: number }>()(
  'invoices.list',
  z
    .object({
      search: text(60).optional(),
      clientId: id.optional(),
      currency: currency.optional(),
      status: z.enum(['open', 'overdue', 'paid', 'voided', 'disputed', 'unpaid']).optional(),
      issuedFrom: isoDate.optional(),
      issuedTo: isoDate.optional(),
      /** daysOverdue: how late the open part is (desc: most overdue first; settled and voided last) */
      sort: z.enum(['dueDate', 'issueDate', 'amount', 'openAmount', 'number', 'daysOverdue']).default('dueDate'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  { writes: false },
);

export const createCreditNote = op<CreditNote>()(
  'creditNotes.create',
  z.object({ invoiceId: id, number: requiredText(40), date: isoDate, amount: positiveCents, reason: optionalText(500) }).strict(),
  { writes: true },
);
export const voidCreditNote = op<CreditNote>()('creditNotes.void', z.object({ id, reason: requiredText(500) }).strict(), { writes: true });
export const listClientCreditNotes = op<CreditNote[]>()('creditNotes.listByClient', z.object({ clientId: id }).strict(), { writes: false });

export const openDispute = op<Dispute>()(
  'disputes.open',
  z.object({ invoiceId: id, openedOn: isoDate, reason: requiredText(1000), amount: positiveCents.optional() }).strict(),
  { writes: true },
);
export const resolveDispute = op<Dispute>()(
  'disputes.resolve',
  z.object({ id, resolvedOn: isoDate, outcome: z.enum(['resolved', 'rejected']), resolution: requiredText(1000) }).strict(),
  { writes: true },
);
export const listClientDisputes = op<Dispute[]>()('disputes.listByClient', z.object({ clientId: id }).strict(), { writes: false });

export const invoiceOps = [
  createInvoice,
  listClientInvoices,
  updateInvoice,
  voidInvoice,
  confirmReceipt,
  listInvoices,
  createCreditNote,
  voidCreditNote,
  listClientCreditNotes,
  openDispute,
  resolveDispute,
  listClientDisputes,
] as const;
