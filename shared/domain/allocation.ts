/** An invoice that can receive money: its id, when it falls due, and what is still open on it. */
export type OpenInvoice = { id: number; dueDate: string; issueDate: string; open: number };
export type AllocationLine = { invoiceId: number; amount: number };

/**
 * Oldest due first (ties: oldest issue, then lowest id), never more than an invoice's open balance.
 * Returns the allocations and what is left over as the client's credit.
 */
export function allocateOldestFirst(amount: number, invoices: readonly OpenInvoice[]): { lines: AllocationLine[]; unapplied: number } {
  const sorted = [...invoices].sort(
    (a, b) =>
      (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) || (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0) || a.id - b.id,
  );
  let left = amount;
  const lines: AllocationLine[] = [];
  for (const inv of sorted) {
    if (left <= 0) break;
    if (inv.open <= 0) continue;
    const take = Math.min(left, inv.open);
    lines.push({ invoiceId: inv.id, amount: take });
    left -= take;
  }
  return { lines, unapplied: left };
}

export type AllocationProblem =
  | { kind: 'unknown_invoice'; invoiceId: number }
  | { kind: 'exceeds_open'; invoiceId: number; open: number; amount: number }
  | { kind: 'exceeds_payment'; total: number; amount: number };

/** Checks explicit allocations: each within its invoice's open balance, all within the payment. */
export function checkAllocations(amount: number, lines: readonly AllocationLine[], invoices: readonly OpenInvoice[]): AllocationProblem | null {
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const perInvoice = new Map<number, number>();
  let total = 0;
  for (const l of lines) {
    const inv = byId.get(l.invoiceId);
    if (!inv) return { kind: 'unknown_invoice', invoiceId: l.invoiceId };
    const sum = (perInvoice.get(l.invoiceId) ?? 0) + l.amount;
    if (sum > inv.open) return { kind: 'exceeds_open', invoiceId: l.invoiceId, open: inv.open, amount: sum };
    perInvoice.set(l.invoiceId, sum);
    total += l.amount;
  }
  if (total > amount) return { kind: 'exceeds_payment', total, amount };
  return null;
}
