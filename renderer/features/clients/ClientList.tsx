import { Box, Group, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ClientListRow, CurrencyBalance } from '#shared/contract/clients';
import { useStores, useT } from '../../app/stores';
import { Money } from '../../components/Money';
import { ariaSort, SortHeader } from '../../components/SortHeader';
import type { ClientSort } from './clientsStore';
import { useClientsT } from './i18n';
import { betweenResults } from '../../app/pageShortcuts';

const ROW_HEIGHT = 40;

/** Amounts in different currencies are never added up: each currency is shown on its own. */
function Balances({ balances, pick }: { balances: CurrencyBalance[]; pick: 'open' | 'overdue' }) {
  const shown = balances.filter((b) => b[pick] !== 0);
  if (shown.length === 0)
    return (
      <Text c="dimmed" span>
        —
      </Text>
    );
  return (
    <span className="balances">
      {shown.map((b) => (
        <Money key={b.currency} cents={b[pick]} currency={b.currency} />
      ))}
    </span>
  );
}

function Row({ row, onOpen }: { row: ClientListRow; onOpen(id: number): void }) {
  const { t } = useClientsT();
  const overdue = row.balances.some((b) => b.overdue > 0);
  const days = Math.max(0, ...row.balances.map((b) => b.maxDaysOverdue));
  return (
    <UnstyledButton
      className="client-row"
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => betweenResults(e, '[data-testid="client-row"]', document.querySelector<HTMLElement>('input[type="search"]'))}
      data-testid="client-row"
      aria-label={`${row.code} ${row.name}`}
    >
      <Text size="sm" ff="monospace" truncate>
        {row.code}
      </Text>
      <Text size="sm" fw={500} truncate>
        {row.name}
        {row.risk === 'high' && (
          <Text span size="xs" c="red.8" fw={600}>
            {' '}
            · {t('ui.cl.risk.high')}
          </Text>
        )}
        {row.doNotContact && (
          <Text span size="xs" c="orange.8" fw={600}>
            {' '}
            · {t('ui.client.doNotContact')}
          </Text>
        )}
      </Text>
      <Text size="sm" c="dimmed" truncate>
        {row.taxId ?? ''}
      </Text>
      <Text size="sm" ta="right" component="div">
        <Balances balances={row.balances} pick="open" />
      </Text>
      <Text size="sm" ta="right" component="div" c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined}>
        {overdue ? (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <span aria-hidden>⚠</span>
            <span className="sr-only">{t('ui.status.overdue')}: </span>
            <Balances balances={row.balances} pick="overdue" />
            <Text span size="xs" c="red.8" className="num">
              · {t('ui.cl.days', { days })}
            </Text>
          </Group>
        ) : (
          <Text c="dimmed" span>
            —
          </Text>
        )}
      </Text>
    </UnstyledButton>
  );
}

/** Column titles that sort (balance and overdue days by the currency filter, or the company's currency). */
function ListHeader({ sort, dir, sortedBy, onSort }: { sort: ClientSort; dir: 'asc' | 'desc'; sortedBy: string | null; onSort(s: ClientSort): void }) {
  const { t } = useClientsT();
  // a balance sort names the currency it ranks by: amounts in different currencies are never compared
  const cell = (key: ClientSort, label: string, right = false) => (
    <span role="columnheader" aria-sort={ariaSort(sort === key, dir)}>
      <SortHeader
        label={sort === key && sortedBy ? `${label} (${sortedBy})` : label}
        active={sort === key}
        dir={dir}
        onClick={() => onSort(key)}
        align={right ? 'right' : undefined}
      />
    </span>
  );
  return (
    <div className="client-row client-head" role="row">
      {cell('code', t('ui.client.code'))}
      {cell('name', t('ui.client.name'))}
      <span role="columnheader">{t('ui.client.taxIdShort')}</span>
      {cell('balance', t('ui.balance.open'), true)}
      {cell('daysOverdue', t('ui.cl.overdueDays'), true)}
    </div>
  );
}

/** Virtualised: only the rows on screen exist in the DOM, and pages load as they come into view. */
export function ClientList({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useT();
  const store = useStores().clients;
  const rows = useStore(store, (s) => s.rows);
  const total = useStore(store, (s) => s.total);
  const sort = useStore(store, (s) => s.sort);
  const dir = useStore(store, (s) => s.dir);
  const sortedBy = useStore(store, (s) => s.sortedBy);
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) void store.getState().ensureRange(first, last);
  }, [first, last, total, store]);

  return (
    <Box className="client-table" role="table" aria-label={t('ui.nav.clients')} aria-rowcount={total}>
      <ListHeader sort={sort} dir={dir} sortedBy={sortedBy} onSort={(k) => void store.getState().sortBy(k)} />
      <div ref={parentRef} className="client-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <div
                key={item.key}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                data-index={item.index}
              >
                {row ? <Row row={row} onOpen={onOpen} /> : <Skeleton height={ROW_HEIGHT - 12} my={6} />}
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
