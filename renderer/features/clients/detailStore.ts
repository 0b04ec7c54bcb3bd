import { createStore } from 'zustand/vanilla';
import type { ClientDetail } from '#shared/contract/clients';
import type { InputOf } from '#shared/contract/index';
import type { Invoice } from '#shared/contract/invoices';
import type { Payment } from '#shared/contract/payments';
import { call } from '../../api/client';

export type ClientDetailState = {
  clientId: number | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  client: ClientDetail | null;
  invoices: Invoice[];
  payments: Payment[];
  open(clientId: number): Promise<void>;
  reload(): Promise<void>;
  createInvoice(input: Omit<InputOf<'invoices.create'>, 'clientId'>): Promise<Invoice>;
  recordPayment(input: Omit<InputOf<'payments.record'>, 'clientId'>): Promise<Payment>;
  voidPayment(id: number, reason: string): Promise<void>;
  updateClient(input: Omit<InputOf<'clients.update'>, 'id'>): Promise<void>;
};

/** One client's page. Every write is followed by a full refetch: the database is the truth. */
export function createClientDetailStore() {
  let generation = 0;
  return createStore<ClientDetailState>()((set, get) => {
    async function load(clientId: number, showLoading: boolean): Promise<void> {
      const gen = ++generation;
      if (showLoading) set({ clientId, status: 'loading', error: null, client: null, invoices: [], payments: [] });
      try {
        const [client, invoices, payments] = await Promise.all([
          call('clients.get', { id: clientId }),
          call('invoices.listByClient', { clientId }),
          call('payments.listByClient', { clientId }),
        ]);
        if (gen === generation) set({ clientId, status: 'ready', client, invoices, payments, error: null });
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
      open: (clientId) => load(clientId, true),
      reload: () => load(currentId(), false),
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
    };
  });
}

export type ClientDetailStore = ReturnType<typeof createClientDetailStore>;
