import { Button, Checkbox, Group, NativeSelect } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { CURRENCIES } from '../../app/options';
import { useStores } from '../../app/stores';
import type { ClientFilters as ClientFiltersValue } from './clientsStore';
import { useClientsT } from './i18n';
import { useFiguresT } from './figuresI18n';

/** Segment (from the data), currency, overdue only and do-not-contact; each change reloads the list. */
export function ClientFilters() {
  const { t } = useClientsT();
  const store = useStores().clients;
  const filters = useStore(store, (s) => s.filters);
  const segments = useStore(store, (s) => s.segments);
  const { t: tf } = useFiguresT();
  const byBalance = useStore(store, (s) => s.sort === 'balance' || s.sort === 'daysOverdue');
  const sortCurrency = useStore(store, (s) => s.sortCurrency ?? s.sortedBy ?? '');

  useEffect(() => {
    void store.getState().loadSegments();
  }, [store]);

  const set = (change: Partial<ClientFiltersValue>) => void store.getState().setFilters(change);
  const dnc = filters.doNotContact === undefined ? '' : filters.doNotContact ? 'only' : 'hide';
  const any = Object.values(filters).some((v) => v !== undefined && v !== '');

  return (
    <Group gap="sm" align="flex-end" data-testid="client-filters">
      <NativeSelect
        size="xs"
        label={t('ui.cl.filter.segment')}
        value={filters.segment ?? ''}
        onChange={(e) => set({ segment: e.currentTarget.value || undefined })}
        data={[{ value: '', label: t('ui.cl.filter.anySegment') }, ...segments]}
      />
      <NativeSelect
        size="xs"
        label={t('ui.cl.filter.currency')}
        value={filters.currency ?? ''}
        onChange={(e) => set({ currency: e.currentTarget.value || undefined })}
        data={[{ value: '', label: t('ui.cl.filter.anyCurrency') }, ...CURRENCIES]}
      />
      <NativeSelect
        size="xs"
        label={t('ui.cl.filter.dnc')}
        value={dnc}
        onChange={(e) => {
          const v = e.currentTarget.value;
          set({ doNotContact: v === '' ? undefined : v === 'only' });
        }}
        data={[
          { value: '', label: t('ui.cl.filter.dncAny') },
          { value: 'only', label: t('ui.cl.filter.dncOnly') },
          { value: 'hide', label: t('ui.cl.filter.dncHide') },
        ]}
      />
      {byBalance && (
        <NativeSelect
          size="xs"
          label={tf('ui.fig.sortCurrency')}
          title={tf('ui.fig.sortCurrencyHint')}
          value={sortCurrency}
          onChange={(e) => void store.getState().setSortCurrency(e.currentTarget.value || undefined)}
          data={(CURRENCIES as readonly string[]).includes(sortCurrency) || !sortCurrency ? [...CURRENCIES] : [sortCurrency, ...CURRENCIES]}
        />
      )}
      <Checkbox
        mb={6}
        label={t('ui.cl.filter.overdue')}
        checked={filters.overdueOnly ?? false}
        onChange={(e) => set({ overdueOnly: e.currentTarget.checked || undefined })}
      />
      {any && (
        <Button size="xs" variant="subtle" onClick={() => set({ segment: undefined, currency: undefined, doNotContact: undefined, overdueOnly: undefined })}>
          {t('ui.cl.filter.clear')}
        </Button>
      )}
    </Group>
  );
}
