import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { CURRENCIES } from '../../app/options';
import { useStores } from '../../app/stores';
import { Icon } from '../../components/Icon';
import { useSlashFocus } from '../../components/useSlashFocus';
import { useInvoicesT } from './i18n';
import { INVOICE_STATUSES, type InvoiceFilters as Filters } from './invoicesStore';
import { intoResults } from '../../app/pageShortcuts';

/** Search (debounced), status, currency and issue-date range; each change reloads page one. */
export function InvoiceFilters() {
  const { t } = useInvoicesT();
  const store = useStores().invoices;
  const filters = useStore(store, (s) => s.filters);
  const [text, setText] = useState(filters.search ?? '');
  const [debounced] = useDebouncedValue(text, 250);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  useEffect(() => {
    if ((store.getState().filters.search ?? '') !== debounced) void store.getState().setFilters({ search: debounced });
  }, [debounced, store]);

  const set = (change: Partial<Filters>) => void store.getState().setFilters(change);
  const any = Object.values(filters).some(Boolean);
  const statusLabel = (s: (typeof INVOICE_STATUSES)[number]) => (s === 'unpaid' ? t('ui.inv.status.unpaid') : t(`ui.status.${s}`));

  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        ref={searchRef}
        type="search"
        w={{ base: 280, md: 360 }}
        onKeyDown={(e) => intoResults(e, '[data-testid="all-invoice-row"] a')}
        aria-keyshortcuts="/ ArrowDown Enter"
        label={t('ui.inv.search')}
        labelProps={{ className: 'sr-only' }}
        placeholder={t('ui.inv.search')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        leftSection={<Icon name="search" size={16} />}
      />
      <NativeSelect
        w={190}
        label={t('ui.inv.status')}
        value={filters.status ?? ''}
        onChange={(e) => set({ status: (e.currentTarget.value || undefined) as Filters['status'] })}
        data={[{ value: '', label: t('ui.inv.anyStatus') }, ...INVOICE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))]}
      />
      <NativeSelect
        label={t('ui.money.currency')}
        value={filters.currency ?? ''}
        onChange={(e) => set({ currency: e.currentTarget.value || undefined })}
        data={[{ value: '', label: t('ui.inv.anyCurrency') }, ...CURRENCIES]}
      />
      <TextInput
        label={t('ui.inv.from')}
        type="date"
        value={filters.issuedFrom ?? ''}
        onChange={(e) => set({ issuedFrom: e.currentTarget.value || undefined })}
      />
      <TextInput label={t('ui.inv.to')} type="date" value={filters.issuedTo ?? ''} onChange={(e) => set({ issuedTo: e.currentTarget.value || undefined })} />
      {any && (
        <Button
          variant="subtle"
          onClick={() => {
            setText('');
            set({ search: undefined, status: undefined, currency: undefined, issuedFrom: undefined, issuedTo: undefined });
          }}
        >
          {t('ui.inv.clear')}
        </Button>
      )}
    </Group>
  );
}
