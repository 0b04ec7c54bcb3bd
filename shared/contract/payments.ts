import { z } from 'zod';
import { op } from './op';
import { currency, id, isoDate, optionalText, positiveCents, requiredText } from './schemas';

export const BUILTIN_METHODS = ['transfer', 'cash', 'card', 'cheque', 'yape', 'plin', 'deposit', 'other'] as const;

export type Allocation = { id: number; invoiceId: number; invoiceNumber: string; amount: number; date: string };

export type Payment = {
  id: number;
  clientId: number;
  date: string;
  amount: number;
  currency: string;
  method: string;
  reference: string | null;
  /** what is left as the client's credit */
  unapplied: number;
  allocations: Allocation[];
  voidedAt: string | null;
  voidReason: string | null;
};

export const recordPayment = op<Payment>()(
  'payments.record',
  z
    .object({
      clientId: id,
      date: isoDate,
      amount: positiveCents,
      currency,
      method: requiredText(40),
      reference: optionalText(80),
      /** explicit allocations; when absent the payment goes to the oldest due invoices first */
      allocations: z
        .array(z.object({ invoiceId: id, amount: positiveCents }).strict())
        .max(1000)
        .optional(),
    })
    .strict(),
  { writes: true },
);

/** One page of a client's payments, newest first (date, then id); `clients.get` gives paymentCount. */
export const listClientPayments = op<Payment[]>()(
  'payments.listByClient',
  z
    .object({
      clientId: id,
      limit: z.number().int().min(1).max(5000).default(200),
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    })
    .strict(),
  { writes: false },
);

export const voidPayment = op<Payment>()('payments.void', z.object({ id, reason: requiredText(500) }).strict(), { writes: true });

/** Applies a payment's unapplied credit to invoices, on a date (allocations explicit or oldest due first). */
export const applyCredit = op<Payment>()(
  'payments.applyCredit',
  z
    .object({
      paymentId: id,
      date: isoDate,
      allocations: z
        .array(z.object({ invoiceId: id, amount: positiveCents }).strict())
        .max(1000)
        .optional(),
    })
    .strict(),
  { writes: true },
);

/** The built-in methods plus the user's own (e.g. a local wallet). */
export const paymentMethods = op<{ builtin: string[]; custom: string[] }>()('payments.methods', z.object({}).strict(), { writes: false });
export const setPaymentMethods = op<{ builtin: string[]; custom: string[] }>()(
  'payments.setMethods',
  z.object({ custom: z.array(requiredText(40)).max(50) }).strict(),
  { writes: true },
);

export const paymentOps = [recordPayment, listClientPayments, voidPayment, applyCredit, paymentMethods, setPaymentMethods] as const;
