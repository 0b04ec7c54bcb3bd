import type { Ctx } from '../context';
import { CarteraError } from '../errors';

/**
 * An invoice number (series + number) identifies one invoice in the whole book, as on the tax
 * authority's register: it is refused when any client already has it, with a message naming whose it
 * is. `exceptId`: the invoice being renumbered.
 */
export async function assertInvoiceNumberFree(ctx: Ctx, clientId: number, series: string, number: string, exceptId?: number): Promise<void> {
  let q = ctx.db
    .selectFrom('invoices as i')
    .innerJoin('clients as c', 'c.id', 'i.clientId')
    .select(['i.clientId', 'c.code', 'c.name'])
    .where('i.series', '=', series)
    .where('i.number', '=', number);
  if (exceptId !== undefined) q = q.where('i.id', '!=', exceptId);
  const dup = await q.executeTakeFirst();
  if (!dup) return;
  const shown = series ? `${series}-${number}` : number;
  if (dup.clientId === clientId) throw new CarteraError('conflict', 'error.conflict.invoice_number', { number: shown });
  throw new CarteraError('conflict', 'error.conflict.invoice_number_other', { number: shown, client: `${dup.code} ${dup.name}` });
}
