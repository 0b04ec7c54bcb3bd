import { z } from 'zod';
import { op } from './op';
import { id } from './schemas';

/** Read-only lists for the client page tabs; the workflow capabilities that write them come later. */
export type Interaction = {
  id: number;
  clientId: number;
  contactId: number | null;
  occurredAt: string;
  channel: string;
  direction: 'outbound' | 'inbound';
  outcome: string | null;
  notes: string | null;
  nextAction: string | null;
  nextActionOn: string | null;
};

export type PromiseToPay = {
  id: number;
  clientId: number;
  invoiceId: number | null;
  promisedDate: string;
  amount: number;
  currency: string;
  status: 'open' | 'kept' | 'broken' | 'cancelled';
  notes: string | null;
};

export type PlanSummary = {
  id: number;
  clientId: number;
  currency: string;
  totalAmount: number;
  startDate: string;
  frequency: string;
  installmentsCount: number;
  status: string;
  paidAmount: number;
};

export type DocumentSummary = { id: number; clientId: number | null; kind: string; title: string; fileName: string; createdAt: string };

const byClient = z.object({ clientId: id }).strict();
export const listInteractions = op<Interaction[]>()('interactions.listByClient', byClient, { writes: false });
export const listPromises = op<PromiseToPay[]>()('promises.listByClient', byClient, { writes: false });
export const listPlans = op<PlanSummary[]>()('plans.listByClient', byClient, { writes: false });
export const listDocuments = op<DocumentSummary[]>()('documents.listByClient', byClient, { writes: false });

export const activityOps = [listInteractions, listPromises, listPlans, listDocuments] as const;
