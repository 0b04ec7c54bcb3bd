import type { Core } from '#core/app';
import { defaultPolicy } from '#shared/domain/workflow/policy';

/** A small book with one of each record the operations act on; returns their ids. */
export async function setupBook(core: Core) {
  const client = await core.call('clients.create', { code: 'C1', name: 'Comercial Andina S.A.C.', paymentTermsDays: 30 });
  const invoice = await core.call('invoices.create', { clientId: client.id, number: 'F001-1', issueDate: '2026-09-01', currency: 'PEN', amount: 100_000 });
  const invoice2 = await core.call('invoices.create', { clientId: client.id, number: 'F001-2', issueDate: '2026-09-15', currency: 'PEN', amount: 50_000 });
  const payment = await core.call('payments.record', { clientId: client.id, date: '2026-10-01', amount: 20_000, currency: 'PEN', method: 'transfer' });
  const contact = await core.call('contacts.create', { clientId: client.id, name: 'Ana Pérez' });
  const note = await core.call('creditNotes.create', { invoiceId: invoice2.id, number: 'NC-1', date: '2026-10-02', amount: 1_000 });
  const dispute = await core.call('disputes.open', { invoiceId: invoice2.id, openedOn: '2026-10-03', reason: 'Wrong quantity' });
  // a client whose payment came before its invoice: the payment is credit waiting to be applied
  const other = await core.call('clients.create', { code: 'C2', name: 'Distribuidora Sur' });
  const credit = await core.call('payments.record', { clientId: other.id, date: '2026-10-05', amount: 5_000, currency: 'PEN', method: 'cash' });
  const later = await core.call('invoices.create', { clientId: other.id, number: 'B-9', issueDate: '2026-10-06', currency: 'PEN', amount: 8_000 });
  // the workflow's records: today's tasks (and stage changes) and a promise of the second client
  await core.call('workflow.run', { date: '2026-11-20' });
  const task = (await core.call('tasks.worklist', { date: '2026-11-20' })).tasks[0]!.id;
  const promise = await core.call('promises.add', { clientId: other.id, amount: 1_000, currency: 'PEN', date: '2026-11-25', made: '2026-11-20' });
  return {
    task,
    promise: promise.id,
    client: client.id,
    invoice: invoice.id,
    invoice2: invoice2.id,
    payment: payment.id,
    contact: contact.id,
    note: note.id,
    dispute: dispute.id,
    other: other.id,
    credit: credit.id,
    later: later.id,
  };
}

export type Ids = Awaited<ReturnType<typeof setupBook>>;

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * A valid input for every operation, given the ids of setupBook (or of an empty book for those marked
 * `empty`). A new operation without an entry here fails the tests that use this table: add one.
 */
export const SAMPLES: Record<string, { input: (ids: Ids) => unknown; empty?: true }> = {
  'settings.get': { input: () => ({}) },
  'recovery.status': { input: () => ({}) },
  'backups.restore': { input: () => ({ name: 'cartera-20261120-120000-manual.sqlite' }) },
  'recovery.restoreLatest': { input: () => ({}) },
  'books.current': { input: () => ({}) },
  'books.recent': { input: () => ({}) },
  'books.create': { input: () => ({ file: '/tmp/cartera-sample-book.sqlite' }) },
  'books.open': { input: () => ({ file: '/tmp/cartera-sample-book.sqlite' }) },
  'settings.update': { input: () => ({ name: 'Mi Empresa', defaultCurrency: 'USD' }) },
  'clients.create': { input: () => ({ code: 'NEW', name: 'New client' }) },
  'clients.update': { input: (i) => ({ id: i.client, name: 'Renamed' }) },
  'clients.get': { input: (i) => ({ id: i.client }) },
  'clients.list': { input: () => ({ search: 'andina' }) },
  'clients.segments': { input: () => ({}) },
  'contacts.create': { input: (i) => ({ clientId: i.client, name: 'Luis' }) },
  'contacts.update': { input: (i) => ({ id: i.contact, phone: '+51 999 111 222' }) },
  'contacts.remove': { input: (i) => ({ id: i.contact }) },
  'invoices.create': { input: (i) => ({ clientId: i.client, number: 'F001-3', issueDate: '2026-11-01', currency: 'PEN', amount: 7_000 }) },
  'invoices.listByClient': { input: (i) => ({ clientId: i.client }) },
  'invoices.update': { input: (i) => ({ id: i.invoice, description: 'Edited' }) },
  'invoices.void': { input: (i) => ({ id: i.later, reason: 'Issued twice' }) },
  'invoices.confirmReceipt': { input: (i) => ({ id: i.invoice, date: '2026-09-03' }) },
  'invoices.list': { input: () => ({ status: 'open' }) },
  'creditNotes.create': { input: (i) => ({ invoiceId: i.invoice, number: 'NC-2', date: '2026-10-10', amount: 500 }) },
  'creditNotes.void': { input: (i) => ({ id: i.note, reason: 'Mistake' }) },
  'creditNotes.listByClient': { input: (i) => ({ clientId: i.client }) },
  'disputes.open': { input: (i) => ({ invoiceId: i.invoice, openedOn: '2026-11-01', reason: 'Price' }) },
  'disputes.resolve': { input: (i) => ({ id: i.dispute, resolvedOn: '2026-11-02', outcome: 'resolved', resolution: 'Credit note issued' }) },
  'disputes.listByClient': { input: (i) => ({ clientId: i.client }) },
  'payments.record': { input: (i) => ({ clientId: i.client, date: '2026-11-05', amount: 3_000, currency: 'PEN', method: 'yape' }) },
  'payments.listByClient': { input: (i) => ({ clientId: i.client }) },
  'payments.void': { input: (i) => ({ id: i.payment, reason: 'Bounced' }) },
  'payments.applyCredit': { input: (i) => ({ paymentId: i.credit, date: '2026-10-07' }) },
  'payments.methods': { input: () => ({}) },
  'payments.setMethods': { input: () => ({ custom: ['Bizum'] }) },
  'aging.report': { input: () => ({ asOf: '2026-11-20' }) },
  'aging.summary': { input: () => ({ asOf: '2026-11-20' }) },
  'aging.detail': { input: () => ({ asOf: '2026-11-20' }) },
  'kpis.report': { input: () => ({ from: '2026-01-01', to: '2026-11-20' }) },
  'kpis.trend': { input: () => ({ asOf: '2026-11-20', months: 6 }) },
  'exports.aging': { input: () => ({ asOf: '2026-11-20', format: 'csv' }) },
  'exports.list': { input: () => ({ kind: 'payments', from: '2026-01-01', to: '2026-11-20', format: 'csv' }) },
  'system.info': { input: () => ({}) },
  'demo.load': { input: () => ({ clients: 3, invoices: 20, seed: 1 }), empty: true },
  'interactions.listByClient': { input: (i) => ({ clientId: i.client }) },
  'promises.listByClient': { input: (i) => ({ clientId: i.client }) },
  'plans.listByClient': { input: (i) => ({ clientId: i.client }) },
  'documents.listByClient': { input: (i) => ({ clientId: i.client }) },
  'backups.status': { input: () => ({}) },
  'backups.list': { input: () => ({}) },
  'backups.now': { input: () => ({}) },
  'backups.setFolder': { input: () => ({ folder: null }) },
  'audit.list': { input: (i) => ({ clientId: i.client }) },
  'audit.export': { input: () => ({}) },
  'imports.preview': { input: () => ({ kind: 'clients', fileName: 'clients.csv', dataBase64: csv('code,name\nX1,Importada SAC\n') }) },
  'imports.run': { input: () => ({ kind: 'clients', fileName: 'clients.csv', dataBase64: csv('code,name\nX1,Importada SAC\n') }) },
  'policy.get': { input: () => ({}) },
  'policy.set': { input: () => ({ policy: defaultPolicy('en') }) },
  'workflow.run': { input: () => ({ date: '2026-12-20' }) },
  'tasks.worklist': { input: () => ({ date: '2026-11-20' }) },
  'tasks.skip': { input: (i) => ({ id: i.task, reason: 'Traveling' }) },
  'tasks.reschedule': { input: (i) => ({ id: i.task, date: '2026-11-23' }) },
  'interactions.add': { input: (i) => ({ clientId: i.client, channel: 'call', outcome: 'no_answer', taskId: i.task }) },
  'promises.add': { input: (i) => ({ clientId: i.client, amount: 5_000, currency: 'PEN', date: '2026-11-27' }) },
  'promises.cancel': { input: (i) => ({ id: i.promise, reason: 'Paid by plan' }) },
  'promises.asOf': { input: () => ({ asOf: '2026-11-20' }) },
  'timeline.byClient': { input: (i) => ({ clientId: i.client }) },
  'risk.get': { input: (i) => ({ clientId: i.client }) },
  'clients.setWorkflow': { input: (i) => ({ id: i.client, consumer: true, reason: 'Persona natural' }) },
  'clients.creditCheck': { input: (i) => ({ clientId: i.client, amount: 1_000, currency: 'PEN' }) },
  'plans.preview': { input: (i) => ({ clientId: i.client, currency: 'PEN', installments: 3, frequency: 'monthly', first: '2026-12-31' }) },
  'scripts.render': { input: (i) => ({ clientId: i.client, kind: 'liquidity' }) },
  'scripts.kinds': { input: () => ({}) },
  'letters.generate': { input: (i) => ({ clientId: i.client, kind: 'first_reminder' }) },
  'statements.generate': { input: (i) => ({ clientId: i.client, from: '2026-01-01', to: '2026-11-20' }) },
};
