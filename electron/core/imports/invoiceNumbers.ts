import type { Ctx } from '../context';

/**
 * Who already has an invoice number (series + number) in the book, for the importer: an invoice number
 * is used once in the whole book (invoices/numbers.ts). One seek per new invoice on the
 * (series, number) index of migration 0006; existing books with old duplicates still import.
 */
export function invoiceNumberOwners(ctx: Ctx): (clientId: number, series: string, number: string) => string | null {
  const stmt = ctx.sqlite
    .prepare(
      `SELECT c.code, c.name FROM invoices i JOIN clients c ON c.id = i.client_id
       WHERE i.series = ? AND i.number = ? AND i.client_id != ? LIMIT 1`,
    )
    .raw();
  return (clientId, series, number) => {
    const r = stmt.get(series, number, clientId) as [string, string] | undefined;
    return r ? `${r[0]} ${r[1]}` : null;
  };
}
