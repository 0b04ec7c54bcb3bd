import type { z } from 'zod';
import { contract, isMethod, type ApiError, type ApiIssue, type ApiResult, type Method, type OutputOf, type ParsedInputOf } from '#shared/contract/index';
import { translate } from '#shared/i18n/index';
import type { Ctx } from './context';
import type { Policy } from '#shared/domain/workflow/policy';
import { inTransaction } from './context';
import { CarteraError } from './errors';
import { audit } from './audit';
import { agingReport } from './aging/service';
import { agingDetail, agingSummary } from './aging/views';
import { kpisReport } from './kpis/service';
import { kpisTrend } from './kpis/trend';
import { exportAging, exportList } from './exports/service';
import { createClient, getClient, listClients, listSegments, updateClient } from './clients/service';
import { createContact, removeContact, updateContact } from './clients/contacts';
import { listDocuments, listInteractions, listPlans, listPromises } from './activity/service';
import { confirmReceipt, updateInvoice, voidInvoice } from './invoices/edit';
import { listInvoices } from './invoices/list';
import { createCreditNote, listClientCreditNotes, voidCreditNote } from './invoices/creditNotes';
import { listClientDisputes, openDispute, resolveDispute } from './invoices/disputes';
import { applyCredit, paymentMethods, setPaymentMethods } from './payments/credit';
import { createInvoice, listClientInvoices } from './invoices/service';
import { listClientPayments, recordPayment, voidPayment } from './payments/service';
import { getSettings, updateSettings } from './settings/service';
import { systemInfo } from './system/service';
import { backupList, backupNow, backupStatus, setBackupFolder } from './backups/auto';
import { exportAudit, listAudit } from './audit/service';
import { previewImport, runImport } from './imports/service';
import { previewPlan } from './plans/preview';
import { renderCallScript, scriptKinds } from './scripts/service';
import { assertTotalsExact, MONEY_WRITES } from './invoices/moneyCap';
import { bookHandlers } from './books/handlers';

import { getPolicy, setPolicy } from './workflow/policy';
import { runWorkflow } from './workflow/run';
import { rescheduleTask, skipTask, worklist } from './workflow/tasks';
import { addInteraction } from './workflow/interactions';
import { clientTimeline } from './workflow/timeline';
import { clientRiskView, creditCheck, setClientWorkflow } from './workflow/risk';
import { addPromise, cancelPromise, promisesAsOf } from './promises/service';
import { generateLetter, generateStatement } from './letters/service';

type Handler<M extends Method> = (ctx: Ctx, input: ParsedInputOf<M>) => Promise<OutputOf<M>>;
export type Handlers = { [M in Method]: Handler<M> };

/** The handler table: exactly one per contract operation (the type makes a missing one a compile error). */
export const handlers: Handlers = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
  'clients.create': createClient,
  'clients.update': updateClient,
  'clients.get': (ctx, input) => getClient(ctx, input.id),
  'clients.list': listClients,
  'invoices.create': createInvoice,
  'invoices.listByClient': listClientInvoices,
  'payments.record': recordPayment,
  'payments.listByClient': listClientPayments,
  'payments.void': voidPayment,
  'payments.applyCredit': applyCredit,
  'payments.methods': (ctx) => paymentMethods(ctx),
  'payments.setMethods': setPaymentMethods,
  'contacts.create': createContact,
  'contacts.update': updateContact,
  'contacts.remove': removeContact,
  'clients.segments': (ctx) => listSegments(ctx),
  'invoices.update': updateInvoice,
  'invoices.void': voidInvoice,
  'invoices.confirmReceipt': confirmReceipt,
  'invoices.list': listInvoices,
  'creditNotes.create': createCreditNote,
  'creditNotes.void': voidCreditNote,
  'creditNotes.listByClient': listClientCreditNotes,
  'disputes.open': openDispute,
  'disputes.resolve': resolveDispute,
  'disputes.listByClient': listClientDisputes,
  'interactions.listByClient': (ctx, input) => listInteractions(ctx, input.clientId),
  'promises.listByClient': (ctx, input) => listPromises(ctx, input.clientId),
  'plans.listByClient': (ctx, input) => listPlans(ctx, input.clientId),
  'plans.preview': previewPlan,
  'scripts.render': renderCallScript,
  'scripts.kinds': scriptKinds,
  'letters.generate': generateLetter,
  'statements.generate': generateStatement,
  'documents.listByClient': (ctx, input) => listDocuments(ctx, input.clientId),
  'aging.report': agingReport,
  'aging.summary': agingSummary,
  'aging.detail': agingDetail,
  'kpis.report': kpisReport,
  'kpis.trend': kpisTrend,
  'exports.aging': exportAging,
  'exports.list': exportList,
  'system.info': (ctx) => systemInfo(ctx),
  'backups.status': (ctx) => backupStatus(ctx),
  'backups.list': (ctx) => backupList(ctx),
  'backups.now': (ctx) => backupNow(ctx, null, 'manual'),
  'backups.setFolder': (ctx, input) => setBackupFolder(ctx, input.folder),
  'audit.list': listAudit,
  'audit.export': exportAudit,
  'demo.load': async (ctx, input) => {
    // the generator (names, random streams) loads only when a demo is asked for
    const { generateDemo } = await import('./demo/generate');
    const result = await generateDemo(ctx, { ...input, today: input.today ?? ctx.clock.today() });
    await audit(ctx, { entity: 'import', entityId: null, action: 'demo.load', after: { ...input, ...result } });
    return result;
  },
  'imports.preview': previewImport,
  'imports.run': runImport,
  'policy.get': (ctx) => getPolicy(ctx),
  'policy.set': (ctx, input) => setPolicy(ctx, input.policy as Policy),
  'workflow.run': (ctx, input) => runWorkflow(ctx, input.date),
  'tasks.worklist': (ctx, input) => worklist(ctx, input.date),
  'tasks.skip': skipTask,
  'tasks.reschedule': rescheduleTask,
  'interactions.add': addInteraction,
  'promises.add': addPromise,
  'promises.cancel': cancelPromise,
  'promises.asOf': (ctx, input) => promisesAsOf(ctx, input.asOf),
  'timeline.byClient': (ctx, input) => clientTimeline(ctx, input.clientId),
  'risk.get': (ctx, input) => clientRiskView(ctx, input.clientId),
  'clients.setWorkflow': setClientWorkflow,
  'clients.creditCheck': creditCheck,
  // a healthy file needs no recovery; the Electron host answers these itself when the file failed to open
  'recovery.status': async () => ({ failure: null, latest: null }),
  'backups.restore': async () => {
    throw new CarteraError('invalid_state', 'error.restore.needs_host');
  },
  'recovery.restoreLatest': async () => {
    throw new CarteraError('invalid_state', 'error.recovery.not_needed');
  },
  ...bookHandlers,
};

/**
 * The single entry point of every transport: method known → input valid → run (writes in one
 * transaction) → `{ok, data}` or `{ok:false, error}` with a message in the user's language.
 * It never throws, and a failed write leaves the database as it was.
 */
export type DispatchOptions = {
  onProgress?: (done: number, total: number) => void;
  /** aborts a long operation (the engine process cancels it; nothing is half-written) */
  signal?: AbortSignal;
};

export async function dispatch(ctx: Ctx, method: unknown, input: unknown, opts: DispatchOptions = {}): Promise<ApiResult<unknown>> {
  const locale = ctx.locale;
  if (!isMethod(method)) return { ok: false, error: error(locale, 'unknown_method', 'error.unknown_method', { method: String(method).slice(0, 80) }) };
  const op = contract[method];
  const parsed = (op.input as z.ZodType).safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: validationError(locale, parsed.error) };
  const handler = handlers[method] as (ctx: Ctx, input: unknown) => Promise<unknown>;
  const callCtx = opts.onProgress ? { ...ctx, progress: opts.onProgress } : ctx;
  if (op.writes && ctx.readOnly) return { ok: false, error: error(locale, 'invalid_state', 'error.db.readonly') };
  try {
    const run = async (trx: Ctx) => {
      const result = await handler(trx, parsed.data);
      if (MONEY_WRITES.has(method)) assertTotalsExact(trx.sqlite, method); // before commit: a refused write leaves nothing
      return result;
    };
    const data = op.writes ? await inTransaction(callCtx, run) : await handler(callCtx, parsed.data);
    return { ok: true, data };
  } catch (e) {
    return { ok: false, error: toApiError(locale, e) };
  }
}

export function toApiError(locale: string, e: unknown): ApiError {
  if (e instanceof CarteraError) return error(locale, e.code, e.key, e.params);
  const code = (e as { code?: string }).code ?? '';
  // SQLITE_BUSY_SNAPSHOT, _TIMEOUT…: another window or command holds the write lock longer than busy_timeout
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return error(locale, 'database', 'error.db.busy');
  if (code.startsWith('SQLITE_READONLY')) return error(locale, 'invalid_state', 'error.db.readonly');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return error(locale, 'database', 'error.db.corrupt', { detail: code });
  const detail = e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
  return error(locale, 'internal', 'error.internal', { detail });
}

function error(locale: string, code: ApiError['code'], key: string, params?: Record<string, string | number>): ApiError {
  return { code, key, ...(params ? { params } : {}), message: translate(locale, key, params) };
}

function validationError(locale: string, err: z.ZodError): ApiError {
  const issues: ApiIssue[] = err.issues.slice(0, 50).map((i) => {
    const path = i.path.map(String).join('.');
    let key = typeof i.message === 'string' && i.message.startsWith('validation.') ? i.message : 'validation.invalid';
    const params: Record<string, string> = {};
    if (i.code === 'unrecognized_keys') {
      key = 'validation.unknown_field';
      params.field = i.keys.join(', ');
    } else if (i.code === 'too_big' && key === 'validation.invalid') key = 'validation.too_long';
    return { path, key, message: translate(locale, key, params) };
  });
  const first = issues[0];
  return {
    code: 'validation',
    key: first?.key ?? 'validation.failed',
    message: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : translate(locale, 'validation.failed'),
    issues,
  };
}
