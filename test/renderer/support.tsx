import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { ApiError, ApiResult } from '#shared/contract/index';
import type { CompanySettings } from '#shared/contract/settings';
import type { SystemInfo } from '#shared/contract/system';
import { setTransport } from '../../renderer/api/client';
import { App } from '../../renderer/app/App';
import { createAppStores } from '../../renderer/app/stores';

export type Handler = (input: Record<string, unknown>) => unknown;

export const SETTINGS: CompanySettings = {
  name: 'Distribuidora Lima',
  taxId: null,
  address: null,
  logo: null,
  country: 'PE',
  defaultCurrency: 'PEN',
  locale: 'es-PE',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const INFO: SystemInfo = {
  appVersion: '0.1.0',
  schemaVersion: 2,
  file: '/tmp/x.sqlite',
  counts: { clients: 3, invoices: 5, payments: 1 },
  readOnly: false,
  backupFailing: false,
};

/** The only thing component tests fake: the transport under `call()`. Unhandled methods fail loudly. */
export function fakeTransport(handlers: Record<string, Handler>) {
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const transport = vi.fn(async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
    const i = (input ?? {}) as Record<string, unknown>;
    calls.push({ method, input: i });
    const h = handlers[method];
    if (!h) return { ok: false, error: { code: 'unknown_method', key: 'error.unknown_method', params: { method }, message: `no fake for ${method}` } };
    try {
      return { ok: true, data: await h(i) };
    } catch (e) {
      if (e && typeof e === 'object' && 'code' in e) return { ok: false, error: e as ApiError };
      throw e;
    }
  });
  setTransport(transport);
  return { transport, calls, callsOf: (m: string) => calls.filter((c) => c.method === m).map((c) => c.input) };
}

/** Renders the whole app at a hash route with fresh stores. */
export function renderApp(hash = '#/today') {
  window.location.hash = hash;
  const stores = createAppStores(window);
  return { stores, ...render(<App stores={stores} />) };
}

export function listRow(id: number, code: string, name: string, open = 0, overdue = 0) {
  return {
    id,
    code,
    name,
    taxId: null,
    segment: null,
    doNotContact: false,
    risk: overdue ? ('medium' as const) : ('none' as const),
    balances: open ? [{ currency: 'PEN', open, overdue, credit: 0, maxDaysOverdue: overdue ? 10 : 0, disputed: 0, postDated: [] }] : [],
  };
}

export function clientDetail(id = 7, open = 150_000) {
  return {
    id,
    code: 'C-7',
    name: 'Comercial Andina S.A.C.',
    taxId: '20512345678',
    email: null,
    phone: null,
    address: null,
    segment: null,
    creditLimit: null,
    paymentTermsDays: 30,
    doNotContact: false,
    notes: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    contacts: [],
    balances: open ? [{ currency: 'PEN', open, overdue: 0, credit: 0, maxDaysOverdue: 0, disputed: 0, postDated: [] }] : [],
    risk: open ? ('low' as const) : ('none' as const),
    // list sizes; 0 leaves "show more" out, as when every row fits in the first page
    invoiceCount: 0,
    openInvoiceCount: 0,
    paymentCount: 0,
  };
}
