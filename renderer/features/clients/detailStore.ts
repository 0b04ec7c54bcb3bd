import { createStore } from 'zustand/vanilla';
import type { ClientDetail } from '#shared/contract/clients';
import type { InputOf, Method } from '#shared/contract/index';
import type { CreditNote, Dispute, Invoice } from '#shared/contract/invoices';
import type { Payment } from '#shared/contract/payments';
import { call } from '../../api/client';

export type ClientDetailState = {
  clientId: number | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  client: ClientDetail | null;
  invoices: Invoice[];
  payments: Payment[];
  creditNotes: CreditNote[];
  disputes: Dispute[];
  /** a secondary list that failed to load: its tab says so, the rest of the page keeps working */
  listErrors: { creditNotes?: unknown; disputes?: unknown };
  /** built-in payment methods first, then the user's own */
  methods: { builtin: string[]; custom: string[] };
  open(clientId: number): Promise<void>;
  reload(): Promise<void>;
  /** the next page of a long list (a key account can have thousands of invoices) */
  loadMore(list: 'invoices' | 'payments'): Promise<void>;
  createInvoice(input: Omit<InputOf<'invoices.create'>, 'clientId'>): Promise<Invoice>;
  recordPayment(input: Omit<InputOf<'payments.record'>, 'clientId'>): Promise<Payment>;
  voidPayment(id: number, reason: string): Promise<void>;
  updateClient(input: Omit<InputOf<'clients.update'>, 'id'>): Promise<void>;
  /** any other write on this client's data: call, then refetch everything (the database is the truth) */
  write<M extends WriteMethod>(method: M, input: InputOf<M>): Promise<void>;
};

export type WriteMethod = Extract<
  Method,
  | 'invoices.update'
  | 'invoices.void'
  | 'invoices.confirmReceipt'
  | 'creditNotes.create'
  | 'creditNotes.void'
  | 'disputes.open'
  | 'disputes.resolve'
  | 'payments.applyCredit'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.remove'
>;

const NO_METHODS = { builtin: [], custom: [] };
export const PAGE = 200;
const MAX_PAGE = 5000;

/** [value, error]: one failing secondary list must not take the whole client page down. */
async function settle<T>(p: Promise<T>, fallback: T): Promise<[T, unknown]> {
  try {
    return [await p, undefined];
  } catch (e) {
    return [fallback, e];
  }
}

/** One client's page. Every write is followed by a full refetch: the database is the truth. */
export function createClientDetailStore() {
  let generation = 0;
  return createStore<ClientDetailState>()((set, get) => {
    async function load(clientId: number, showLoading: boolean): Promise<void> {
      const gen = ++generation;
      // a refetch after a write keeps what the user had already scrolled into view
      const keep = (n: number) => Math.min(MAX_PAGE, Math.max(PAGE, showLoading ? 0 : n));
      if (showLoading) set({ clientId, status: 'loading', error: null, client: null, invoices: [], payments: [], creditNotes: [], disputes: [] });
      try {
        const client = await call('clients.get', { id: clientId });
        // open invoices come first in the list: load all of them, so payments can be applied to any
        const invoiceLimit = Math.min(MAX_PAGE, Math.max(keep(get().invoices.length), client.openInvoiceCount));
        const [invoices, payments, [creditNotes, cnError], [disputes, dspError], [methods]] = await Promise.all([
          call('invoices.listByClient', { clientId, limit: invoiceLimit }),
          call('payments.listByClient', { clientId, limit: keep(get().payments.length) }),
          settle(call('creditNotes.listByClient', { clientId }), []),
          settle(call('disputes.listByClient', { clientId }), []),
          // without the user's own methods the form still offers the built-in ones
          settle(call('payments.methods', {}), NO_METHODS),
        ]);
        const listErrors = { creditNotes: cnError, disputes: dspError };
        if (gen === generation) set({ clientId, status: 'ready', client, invoices, payments, creditNotes, disputes, methods, listErrors, error: null });
      } catch (error) {
        if (gen === generation) set({ status: 'error', error });
      }
    }
    function currentId(): number {
      const id = get().clientId;
      if (id === null) throw new Error('no client open');
      return id;
    }
    return {
      clientId: null,
      status: 'idle',
      error: null,
      client: null,
      invoices: [],
      payments: [],
      creditNotes: [],
      disputes: [],
      listErrors: {},
      methods: NO_METHODS,
      open: (clientId) => load(clientId, true),
      reload: () => load(currentId(), false),
      async loadMore(list) {
        const clientId = currentId();
        const gen = generation;
        if (list === 'invoices') {
          const more = await call('invoices.listByClient', { clientId, limit: PAGE, offset: get().invoices.length });
          if (gen === generation) set({ invoices: [...get().invoices, ...more] });
        } else {
          const more = await call('payments.listByClient', { clientId, limit: PAGE, offset: get().payments.length });
          if (gen === generation) set({ payments: [...get().payments, ...more] });
        }
      },
      async createInvoice(input) {
        const invoice = await call('invoices.create', { ...input, clientId: currentId() });
        await load(currentId(), false);
        return invoice;
      },
      async recordPayment(input) {
        const payment = await call('payments.record', { ...input, clientId: currentId() });
        await load(currentId(), false);
        return payment;
      },
      async voidPayment(id, reason) {
        await call('payments.void', { id, reason });
        await load(currentId(), false);
      },
      async updateClient(input) {
        await call('clients.update', { ...input, id: currentId() });
        await load(currentId(), false);
      },
      async write(method, input) {
        await call(method, input);
        await load(currentId(), false);
      },
    };
  });
}

export type ClientDetailStore = ReturnType<typeof createClientDetailStore>;
