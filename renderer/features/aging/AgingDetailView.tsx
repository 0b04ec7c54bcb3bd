import { documentNumber } from '#shared/domain/documentNumber';
import { Badge, Box, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { AgingDetailRow } from '#shared/domain/agingViews';
import { useStores } from '../../app/stores';
import { DateText } from '../../components/DateText';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Money } from '../../components/Money';
import type { DrillFilter } from './agingStore';
import type { DetailSort } from './detailStore';
import { bucketLabel, useAgingT } from './i18n';
import './aging.css';

const ROW = 34;
type T = ReturnType<typeof useAgingT>['t'];

function Row({ row, names, t }: { row: AgingDetailRow; names: string[]; t: T }) {
  const late = row.bucket > 0;
  // red from 31–60 on, as in the summary; 1–30 is late but not yet alarming
  const cls = row.bucket >= 2 ? 'r aging-late' : 'r';
  return (
    <div className="aging-row" role="row" data-testid="aging-detail-row">
      <Text size="sm" truncate role="cell" title={`${row.clientCode} · ${row.clientName}`}>
        <Text span ff="monospace" c="dimmed" fz="xs" mr={6}>
          {row.clientCode}
        </Text>
        {/* a plain link: the drill-down is a route, so Back from the client returns here */}
        <a href={`#/clients/${row.clientId}`} className="aging-client-link">
          {row.clientName}
        </a>
      </Text>
      <span role="cell" className="nowrap">
        {documentNumber(row)}
      </span>
      <span role="cell" className="r">
        <DateText date={row.issueDate} />
      </span>
      <span role="cell" className="r">
        <DateText date={row.dueDate} />
      </span>
      <span role="cell" className={cls}>
        {row.days}
        {late && <span className="sr-only"> {t('ui.agingv.overdueMark')}</span>}
      </span>
      <span role="cell" className={cls}>
        {names[row.bucket]}
      </span>
      <span role="cell" className="r">
        <Money cents={row.amount} currency={row.currency} />
      </span>
      <span role="cell" className="r" style={{ fontWeight: 600 }}>
        <Money cents={row.open} currency={row.currency} />
      </span>
    </div>
  );
}

const COLUMNS: { sort: DetailSort | null; key: Parameters<T>[0]; right?: boolean }[] = [
  { sort: 'client', key: 'ui.aging.client' },
  { sort: 'number', key: 'ui.agingv.invoice' },
  { sort: 'issueDate', key: 'ui.agingv.issueDate', right: true },
  { sort: 'dueDate', key: 'ui.agingv.dueDate', right: true },
  { sort: 'days', key: 'ui.agingv.days', right: true },
  { sort: null, key: 'ui.agingv.bucket', right: true },
  { sort: null, key: 'ui.agingv.amount', right: true },
  { sort: 'open', key: 'ui.agingv.open', right: true },
];

function Header({ sort, dir, onSort, t }: { sort: DetailSort; dir: 'asc' | 'desc'; onSort(s: DetailSort): void; t: T }) {
  return (
    <div className="aging-row aging-head" role="row">
      {COLUMNS.map((c) => {
        const label = t(c.key);
        const active = c.sort === sort;
        return (
          <span
            key={c.key}
            role="columnheader"
            className={c.right ? 'r' : undefined}
            aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {c.sort ? (
              <button type="button" onClick={() => onSort(c.sort!)} aria-label={t('ui.agingv.sortBy', { column: label })}>
                {label} {active ? (dir === 'asc' ? '▲' : '▼') : ''}
              </button>
            ) : (
              label
            )}
          </span>
        );
      })}
    </div>
  );
}

/** Chips that say what the list is filtered on. */
export function FilterChips({ drill, names }: { drill: DrillFilter; names: string[] }) {
  const { t } = useAgingT();
  const chips = [
    drill.clientCode !== undefined && t('ui.agingv.filterClient', { value: drill.label ?? drill.clientCode }),
    drill.segment !== undefined && t('ui.agingv.filterSegment', { value: drill.label ?? drill.segment ?? t('ui.agingv.noSegment') }),
    t('ui.agingv.filterCurrency', { value: drill.currency }),
    drill.bucket !== undefined && t('ui.agingv.filterBucket', { value: names[drill.bucket] ?? '' }),
  ].filter((c): c is string => typeof c === 'string');
  return (
    <Group gap={6} data-testid="aging-filters">
      {chips.map((c) => (
        <Badge key={c} variant="light" color="gray" tt="none" size="lg" fw={500}>
          {c}
        </Badge>
      ))}
    </Group>
  );
}

/** The invoices behind a summary figure: virtualised, paged from the core as the list scrolls. */
export function AgingDetailView({ onBack }: { onBack(): void }) {
  const { t } = useAgingT();
  const store = useStores().agingDetail;
  const { status, error, head, rows, params } = useStore(store);
  const parentRef = useRef<HTMLDivElement>(null);
  const total = head?.totalRows ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => parentRef.current, estimateSize: () => ROW, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const names = (head?.buckets ?? []).map((b) => bucketLabel(b, t));

  useEffect(() => {
    if (total > 0) void store.getState().ensureRange(first, last);
  }, [first, last, total, store]);

  const sortBy = (s: DetailSort) => {
    if (!params) return;
    const dir = params.sort === s ? (params.dir === 'asc' ? 'desc' : 'asc') : s === 'days' || s === 'open' ? 'desc' : 'asc';
    void store.getState().open({ ...params, sort: s, dir });
  };

  if (status === 'error') return <ErrorState error={error} onRetry={() => params && void store.getState().open(params)} />;
  if (!head || !params) return <Loading />;
  return (
    <Stack gap="xs">
      <Group gap="md" className="num">
        <Text size="sm" fw={600}>
          {t('ui.agingv.rows', { count: head.totalRows })}
        </Text>
        {head.totals.map((x) => (
          <Text size="sm" key={x.currency}>
            {t('ui.agingv.open')}: <Money cents={x.open} currency={x.currency} fw={600} />
          </Text>
        ))}
      </Group>
      {total === 0 ? (
        <EmptyState
          title={t('ui.agingv.detailEmpty')}
          icon="aging"
          actions={
            <Button variant="default" onClick={onBack}>
              {t('ui.agingv.back')}
            </Button>
          }
        />
      ) : (
        <Box className="aging-detail" role="table" aria-label={t('ui.agingv.detailTitle')} aria-rowcount={total}>
          <div className="aging-detail-inner">
            <Header sort={params.sort} dir={params.dir} onSort={sortBy} t={t} />
            <div ref={parentRef} className="aging-scroll" tabIndex={0}>
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const row = rows[item.index];
                  return (
                    <div key={item.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${item.start}px)` }}>
                      {row ? <Row row={row} names={names} t={t} /> : <Skeleton height={ROW - 12} my={6} />}
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
        </Box>
      )}
    </Stack>
  );
}
