import type { Invoice } from '#shared/contract/invoices';
import { parseAmount } from '../../app/amount';

export type AllocationDraft = Record<number, string>;
export type AllocationCheck = {
  allocations: { invoiceId: number; amount: number }[];
  /** invoice id → problem key: not an amount, or more than the invoice still owes */
  errors: Record<number, 'validation.amount' | 'exceeds'>;
  sum: number;
};

/** Invoices a payment in `currency` can go to, oldest due first (the order the automatic mode uses). */
export function openInvoicesIn(invoices: readonly Invoice[], currency: string): Invoice[] {
  return invoices
    .filter((i) => i.currency === currency && !i.voidedAt && i.openAmount > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.id - b.id);
}

/** The typed amounts per invoice → cents; empty means "not this invoice". Never more than an invoice owes. */
export function readAllocations(draft: AllocationDraft, invoices: readonly Invoice[], currency: string, locale: string): AllocationCheck {
  const out: AllocationCheck = { allocations: [], errors: {}, sum: 0 };
  for (const inv of invoices) {
    const text = (draft[inv.id] ?? '').trim();
    if (!text) continue;
    const parsed = parseAmount(text, currency, locale);
    if (!parsed.ok || parsed.value < 0) out.errors[inv.id] = 'validation.amount';
    else if (parsed.value > inv.openAmount) out.errors[inv.id] = 'exceeds';
    else if (parsed.value > 0) {
      out.allocations.push({ invoiceId: inv.id, amount: parsed.value });
      out.sum += parsed.value;
    }
  }
  return out;
}

/** What the automatic mode leaves as credit: the part of the payment beyond everything open. */
export function autoCredit(amount: number, invoices: readonly Invoice[]): number {
  return Math.max(0, amount - invoices.reduce((s, i) => s + i.openAmount, 0));
}
