import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the database (camelCase here, snake_case in SQL through CamelCasePlugin). */
type Id = Generated<number>;
type Bool = number; // 0 | 1 in SQLite

export type CompanySettingsTable = {
  id: number;
  name: string;
  taxId: string | null;
  address: string | null;
  logo: string | null;
  country: string;
  defaultCurrency: string;
  locale: string;
  timezone: string | null;
  updatedAt: string | null;
};

export type AppSettingsTable = { key: string; value: string };

export type ClientsTable = {
  id: Id;
  code: string;
  name: string;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  segment: string | null;
  creditLimit: number | null;
  paymentTermsDays: number;
  doNotContact: Bool;
  notes: string | null;
  stageId: number | null;
  searchText: string;
  // optional here because they have SQL defaults and are written by the workflow only (0007)
  consumer?: Bool;
  riskOverride?: 'A' | 'B' | 'C' | null;
  riskOverrideReason?: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export type ContactsTable = {
  id: Id;
  clientId: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  whatsapp: string | null;
  preferredChannel: string | null;
  createdAt: string;
  updatedAt: string;
};

export type InvoicesTable = {
  id: Id;
  clientId: number;
  series: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  /** maintained in the same transaction as every credit note and allocation */
  openAmount: number;
  /** the date the balance reached zero (max date of the settling entries), null while open */
  settledOn: string | null;
  description: string | null;
  receiptConfirmedOn: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  createdAt: string;
  updatedAt: string;
};

export type CreditNotesTable = {
  id: Id;
  clientId: number;
  invoiceId: number;
  number: string;
  date: string;
  currency: string;
  amount: number;
  reason: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  createdAt: string;
};

export type PaymentsTable = {
  id: Id;
  clientId: number;
  date: string;
  amount: number;
  currency: string;
  method: string;
  reference: string | null;
  notes: string | null;
  unappliedAmount: number;
  voidedAt: string | null;
  voidReason: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PaymentAllocationsTable = {
  id: Id;
  paymentId: number;
  invoiceId: number;
  amount: number;
  date: string;
  createdAt: string;
  voidedAt: string | null;
};

export type PromisesTable = {
  id: Id;
  clientId: number;
  invoiceId: number | null;
  interactionId: number | null;
  promisedDate: string;
  amount: number;
  currency: string;
  status: 'open' | 'kept' | 'broken' | 'cancelled';
  notes: string | null;
  createdAt: string;
  resolvedAt: string | null;
  madeOn: string | null;
  channel: string | null;
  enteredBy: string | null;
  cancelledOn: string | null;
};

export type PromiseInvoicesTable = { promiseId: number; invoiceId: number };

export type PaymentPlansTable = {
  id: Id;
  clientId: number;
  currency: string;
  totalAmount: number;
  startDate: string;
  frequency: 'weekly' | 'biweekly' | 'monthly';
  installmentsCount: number;
  status: 'active' | 'completed' | 'broken' | 'cancelled';
  notes: string | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
};

export type PlanInvoicesTable = { planId: number; invoiceId: number };

export type PlanInstallmentsTable = {
  id: Id;
  planId: number;
  seq: number;
  dueDate: string;
  amount: number;
  paidAmount: number;
  status: 'pending' | 'paid' | 'late';
};

export type InteractionsTable = {
  id: Id;
  clientId: number;
  contactId: number | null;
  occurredAt: string;
  channel: string;
  direction: 'outbound' | 'inbound';
  outcome: string | null;
  notes: string | null;
  nextAction: string | null;
  nextActionOn: string | null;
  createdAt: string;
};

export type DisputesTable = {
  id: Id;
  clientId: number;
  invoiceId: number | null;
  openedOn: string;
  reason: string;
  amount: number | null;
  status: 'open' | 'resolved' | 'rejected';
  resolvedOn: string | null;
  resolution: string | null;
  createdAt: string;
};

export type TasksTable = {
  id: Id;
  clientId: number | null;
  dueOn: string;
  title: string;
  kind: string;
  doneAt: string | null;
  createdAt: string;
  status: ColumnType<TaskStatus, TaskStatus | undefined, TaskStatus>;
  originKey: string | null;
  currency: string | null;
  stage: string | null;
  channel: string | null;
  templateKey: string | null;
  reasonKey: string | null;
  reasonParams: string | null;
  priority: number;
  /** JSON [{factor, points}] as computed when queued, so the hover adds up to `priority` */
  priorityFactors: string | null;
  overdue: number;
  daysOverdue: number;
  firstDueOn: string | null;
  skipReason: string | null;
  closedOn: string | null;
  promiseId: number | null;
  disputeId: number | null;
  installmentId: number | null;
  interactionId: number | null;
};

export type TaskStatus = 'open' | 'done' | 'skipped' | 'superseded';

export type ClientStagesTable = { clientId: number; currency: string; stage: string | null; since: string };

export type StageChangesTable = {
  id: Id;
  clientId: number;
  currency: string;
  date: string;
  fromStage: string | null;
  toStage: string | null;
  createdAt: ColumnType<string, string | undefined, never>;
};

export type WorkflowRunsTable = { date: string; ranAt: string; created: number };

export type DocumentsTable = {
  id: Id;
  clientId: number | null;
  kind: string;
  templateKey: string | null;
  title: string;
  fileName: string;
  mime: string;
  content: Uint8Array | null;
  sha256: string | null;
  createdAt: string;
};

export type TemplatesTable = {
  id: Id;
  key: string;
  kind: string;
  language: string;
  name: string;
  subject: string | null;
  body: string;
  updatedAt: string;
};

export type PolicyStagesTable = {
  id: Id;
  seq: number;
  name: string;
  minDaysOverdue: number;
  channel: string;
  templateKey: string | null;
  active: Bool;
};

export type AuditLogTable = {
  id: Id;
  at: string;
  entity: string;
  entityId: number | null;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  actor: ColumnType<string, string | undefined, never>;
};

export type DB = {
  companySettings: CompanySettingsTable;
  appSettings: AppSettingsTable;
  clients: ClientsTable;
  contacts: ContactsTable;
  invoices: InvoicesTable;
  creditNotes: CreditNotesTable;
  payments: PaymentsTable;
  paymentAllocations: PaymentAllocationsTable;
  promises: PromisesTable;
  paymentPlans: PaymentPlansTable;
  planInvoices: PlanInvoicesTable;
  planInstallments: PlanInstallmentsTable;
  interactions: InteractionsTable;
  disputes: DisputesTable;
  tasks: TasksTable;
  documents: DocumentsTable;
  templates: TemplatesTable;
  policyStages: PolicyStagesTable;
  auditLog: AuditLogTable;
  promiseInvoices: PromiseInvoicesTable;
  clientStages: ClientStagesTable;
  stageChanges: StageChangesTable;
  workflowRuns: WorkflowRunsTable;
};
