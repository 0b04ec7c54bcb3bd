import { z } from 'zod';
import { op } from './op';
import { currency, id, isoDate, optionalText, positiveCents, requiredText, text } from './schemas';

/** Derived, never stored: see invoiceStatus() in the core. */
export type InvoiceStatus = 'open' | 'partly_paid' | 'paid' | 'overdue' | 'voided';

export type Invoice = {
  id: number;
  clientId: number;
  series: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  /** amount − credits − allocations, today */
  openAmount: number;
  description: string | null;
  receiptConfirmedOn: string | null;
  status: InvoiceStatus;
  voidedAt: string | null;
  voidReason: string | null;
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

export const listClientInvoices = op<Invoice[]>()('invoices.listByClient', z.object({ clientId: id }).strict(), { writes: false });

export const invoiceOps = [createInvoice, listClientInvoices] as const;
