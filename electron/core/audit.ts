import type { Ctx } from './context';
import { nowIso } from './context';

export type AuditEntry = {
  entity: 'client' | 'contact' | 'invoice' | 'credit_note' | 'payment' | 'promise' | 'plan' | 'dispute' | 'settings' | 'import' | 'backup' | 'document';
  entityId: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

/** Appends to the audit log inside the caller's transaction; the table refuses updates and deletes. */
export async function audit(ctx: Ctx, e: AuditEntry): Promise<void> {
  await ctx.db
    .insertInto('auditLog')
    .values({
      at: nowIso(ctx),
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
    })
    .execute();
}
