import { onDataChanged } from '../api/client';
import type { AppStores } from './stores';

/**
 * After any data change, every view that has been opened refetches (the database is the truth).
 * Views never opened stay idle and load fresh when they are. Changes that arrive together (a write
 * followed at once by another) are coalesced into one refetch on the next tick.
 */
export function refetchOnDataChange(stores: AppStores): () => void {
  let scheduled: ReturnType<typeof setTimeout> | null = null;
  const off = onDataChanged(() => {
    if (scheduled !== null) return;
    scheduled = setTimeout(() => {
      scheduled = null;
      void refetchAll(stores);
    }, 0);
  });
  return () => {
    off();
    if (scheduled !== null) clearTimeout(scheduled);
  };
}

export async function refetchAll(stores: AppStores): Promise<void> {
  const work: Promise<unknown>[] = [stores.session.getState().refreshInfo()];
  const aging = stores.aging.getState();
  if (aging.query) work.push(aging.reload());
  const detail = stores.agingDetail.getState();
  if (detail.params) work.push(detail.open(detail.params));
  work.push(stores.reports.getState().refresh());
  if (stores.clients.getState().status !== 'idle') work.push(stores.clients.getState().refresh());
  if (stores.clientDetail.getState().clientId !== null) work.push(stores.clientDetail.getState().reload());
  if (stores.invoices.getState().status !== 'idle') work.push(stores.invoices.getState().refresh());
  if (stores.backups.getState().status !== 'idle') work.push(stores.backups.getState().load());
  if (stores.audit.getState().status !== 'idle') work.push(stores.audit.getState().load());
  await Promise.allSettled(work);
}
