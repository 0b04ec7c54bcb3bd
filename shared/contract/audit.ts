import { z } from 'zod';
import { op } from './op';
import { id, paging } from './schemas';

export const AUDIT_ENTITIES = ['client', 'contact', 'invoice', 'credit_note', 'payment', 'promise', 'plan', 'dispute', 'settings', 'import', 'backup'] as const;

export type AuditRow = {
  id: number;
  /** ISO instant (UTC) */
  at: string;
  entity: string;
  entityId: number | null;
  action: string;
  /** the record as it was / became, as recorded (parsed JSON); null when not applicable */
  before: unknown;
  after: unknown;
  reason: string | null;
  actor: string;
};

const filters = {
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: id.optional(),
  /** the client's own entries and those about its invoices, payments, contacts, promises, plans, disputes… */
  clientId: id.optional(),
};

/** Newest first. */
export const listAudit = op<{ rows: AuditRow[]; total: number }>()('audit.list', z.object({ ...filters, ...paging }).strict(), { writes: false });

/** The same filters, every matching entry, as CSV text (cells neutralised against spreadsheet formulas). */
export const exportAudit = op<{ csv: string; rows: number }>()('audit.export', z.object(filters).strict(), { writes: false });

export const auditOps = [listAudit, exportAudit] as const;
