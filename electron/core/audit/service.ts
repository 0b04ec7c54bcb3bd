import { sql, type Expression, type SqlBool } from 'kysely';
import type { AuditRow } from '#shared/contract/audit';
import type { ParsedInputOf } from '#shared/contract/index';
import type { Ctx } from '../context';
import { csvCell } from '../cli/output';

type Filters = Omit<ParsedInputOf<'audit.list'>, 'limit' | 'offset'>;

/** Entities that belong to a client through a `client_id` column, by the table holding them. */
const CLIENT_OWNED: Record<string, string> = {
  invoice: 'invoices',
  payment: 'payments',
  credit_note: 'credit_notes',
  contact: 'contacts',
  promise: 'promises',
  plan: 'payment_plans',
  dispute: 'disputes',
};

/**
 * The audit entries about one client: its own, those about records it owns (by id, so an invoice's
 * later void still shows), and any whose recorded before/after names it (`clientId`), which covers
 * entities added later without touching this list.
 */
function aboutClient(clientId: number): Expression<SqlBool> {
  const owned = Object.entries(CLIENT_OWNED).map(
    ([entity, table]) => sql`(entity = ${entity} AND entity_id IN (SELECT id FROM ${sql.table(table)} WHERE client_id = ${clientId}))`,
  );
  return sql<SqlBool>`(
    (entity = 'client' AND entity_id = ${clientId})
    OR ${sql.join(owned, sql` OR `)}
    OR (json_valid("after") AND json_type("after") = 'object' AND json_extract("after", '$.clientId') = ${clientId})
    OR (json_valid("before") AND json_type("before") = 'object' AND json_extract("before", '$.clientId') = ${clientId}))`;
}

function filtered(ctx: Ctx, f: Filters) {
  let q = ctx.db.selectFrom('auditLog');
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId !== undefined) q = q.where('entityId', '=', f.entityId);
  if (f.clientId !== undefined) q = q.where(aboutClient(f.clientId));
  return q;
}

type Raw = {
  id: number;
  at: string;
  entity: string;
  entityId: number | null;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  actor: string;
};

function toRow(r: Raw): AuditRow {
  return { ...r, before: parse(r.before), after: parse(r.after) };
}

/** Recorded by JSON.stringify; an entry that is not JSON (written by hand, an old version) is shown as text. */
function parse(s: string | null): unknown {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** Newest first (by id: entries made in the same instant keep their order). */
export async function listAudit(ctx: Ctx, input: ParsedInputOf<'audit.list'>): Promise<{ rows: AuditRow[]; total: number }> {
  const { limit, offset, ...f } = input;
  const rows = (await filtered(ctx, f).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute()) as Raw[];
  const total = await filtered(ctx, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toRow), total: Number(total.n) };
}

const HEADER = ['id', 'at', 'entity', 'entity_id', 'action', 'reason', 'actor', 'before', 'after'];

/** CSV of every matching entry, oldest first (the order things happened); before/after as JSON text. */
export async function exportAudit(ctx: Ctx, input: ParsedInputOf<'audit.export'>): Promise<{ csv: string; rows: number }> {
  const rows = (await filtered(ctx, input).selectAll().orderBy('id', 'asc').execute()) as Raw[];
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push([r.id, r.at, r.entity, r.entityId ?? '', r.action, r.reason ?? '', r.actor, r.before ?? '', r.after ?? ''].map(csvCell).join(','));
  }
  return { csv: lines.join('\n') + '\n', rows: rows.length };
}
