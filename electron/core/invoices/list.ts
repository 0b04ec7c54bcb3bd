import { sql } from 'kysely';
import type { ParsedInputOf } from '#shared/contract/index';
import type { InvoiceListRow } from '#shared/contract/invoices';
import type { Ctx } from '../context';
import { containsText } from '../db/dialect';
import { disputedAmong, toInvoice } from './service';
import { postDatedByInvoice } from './asOf';

const SORT = { dueDate: 'i.dueDate', issueDate: 'i.issueDate', amount: 'i.amount', openAmount: 'i.openAmount', number: 'i.number' } as const;

/** The Invoices area: every client's invoices with filters, sorted and paged in SQL. */
export async function listInvoices(ctx: Ctx, input: ParsedInputOf<'invoices.list'>): Promise<{ rows: InvoiceListRow[]; total: number }> {
  const today = ctx.clock.today();
  let q = ctx.db.selectFrom('invoices as i').innerJoin('clients as c', 'c.id', 'i.clientId');
  if (input.clientId !== undefined) q = q.where('i.clientId', '=', input.clientId);
  if (input.currency !== undefined) q = q.where('i.currency', '=', input.currency);
  if (input.issuedFrom !== undefined) q = q.where('i.issueDate', '>=', input.issuedFrom);
  if (input.issuedTo !== undefined) q = q.where('i.issueDate', '<=', input.issuedTo);
  if (input.search) q = q.where((eb) => eb.or([containsText('i.number', input.search!), containsText('c.searchText', input.search!.toLowerCase())]));
  const openDispute = sql<boolean>`EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.status = 'open')`;
  switch (input.status) {
    case 'voided':
      q = q.where('i.voidedAt', 'is not', null);
      break;
    case 'paid':
      q = q.where('i.voidedAt', 'is', null).where('i.openAmount', '=', 0);
      break;
    case 'unpaid':
      q = q.where('i.voidedAt', 'is', null).where('i.openAmount', '>', 0);
      break;
    case 'overdue':
      q = q.where('i.voidedAt', 'is', null).where('i.openAmount', '>', 0).where('i.dueDate', '<', today);
      break;
    case 'open':
      q = q.where('i.voidedAt', 'is', null).where('i.openAmount', '>', 0).where('i.dueDate', '>=', today);
      break;
    case 'disputed':
      q = q.where('i.voidedAt', 'is', null).where('i.openAmount', '>', 0).where(openDispute);
      break;
    default:
      break;
  }
  // days overdue grows as the due date gets older, for what is still open; settled and voided sort as
  // "not late at all" (after every open one when the most overdue come first)
  const order =
    input.sort === 'daysOverdue' ? sql`CASE WHEN i.open_amount > 0 AND i.voided_at IS NULL THEN i.due_date ELSE '9999-12-31' END` : sql.ref(SORT[input.sort]);
  const dir = input.sort === 'daysOverdue' ? (input.dir === 'desc' ? 'asc' : 'desc') : input.dir;
  const [rows, count] = await Promise.all([
    q
      .selectAll('i')
      .select(['c.code as clientCode', 'c.name as clientName'])
      .orderBy(order, dir)
      .orderBy('i.id', input.dir)
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const [disputed, postDated] = await Promise.all([disputedAmong(ctx, ids), postDatedByInvoice(ctx, ids, today)]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({ ...toInvoice(r, today, disputed.has(r.id), postDated.get(r.id)), clientCode: r.clientCode, clientName: r.clientName })),
  };
}
