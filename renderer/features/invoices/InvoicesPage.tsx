import { Button, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useImportsT } from '../imports/i18n';
import { AllInvoicesTable } from './AllInvoicesTable';
import { useInvoicesT } from './i18n';
import { InvoiceFilters } from './InvoiceFilters';
import { InvoicesExport } from './InvoicesExport';
import { todayIso } from '../../app/locale';
import { INVOICE_PAGE_SIZE } from './invoicesStore';

/** Every invoice across clients: search, filter, sort, a page of 100 at a time; a row opens its client. */
export function InvoicesPage() {
  const { t, locale } = useInvoicesT();
  const { t: ti } = useImportsT();
  const stores = useStores();
  const s = useStore(stores.invoices);
  const filtered = Object.values(s.filters).some(Boolean);

  useEffect(() => {
    void stores.invoices.getState().refresh();
  }, [stores.invoices]);

  const pages = Math.max(1, Math.ceil(s.total / INVOICE_PAGE_SIZE));
  const nf = new Intl.NumberFormat(locale);
  const goImport = () => stores.router.getState().go({ area: 'invoices', view: 'import' });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('ui.inv.title')}</Title>
          {s.status === 'ready' && (
            <Text c="dimmed" size="sm" className="num">
              {t('ui.inv.count', { count: s.total })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <InvoicesExport from={s.filters.issuedFrom} to={s.filters.issuedTo} />
          <Button variant="default" onClick={goImport}>
            {ti('ui.imp.open')}
          </Button>
        </Group>
      </Group>
      <InvoiceFilters />
      {s.status === 'error' ? (
        <ErrorState error={s.error} onRetry={() => void s.refresh()} />
      ) : s.status !== 'ready' && s.rows.length === 0 ? (
        <Loading />
      ) : s.total === 0 ? (
        filtered ? (
          <EmptyState title={t('ui.inv.noMatchTitle')} icon="search">
            {t('ui.inv.noMatchBody')}
          </EmptyState>
        ) : (
          <EmptyState title={t('ui.inv.noneTitle')} icon="invoices" actions={<Button onClick={goImport}>{ti('ui.imp.open')}</Button>}>
            {t('ui.inv.noneBody')}
          </EmptyState>
        )
      ) : (
        <Paper withBorder radius="md" aria-busy={s.status === 'loading'} style={{ opacity: s.status === 'loading' ? 0.6 : 1 }}>
          <AllInvoicesTable
            rows={s.rows}
            today={todayIso()}
            sort={s.sort}
            dir={s.dir}
            onSort={(k) => void s.sortBy(k)}
            onOpen={(r) => stores.router.getState().go({ area: 'clients', clientId: r.clientId })}
          />
          <Group justify="space-between" p="xs">
            <Text size="sm" c="dimmed" className="num">
              {t('ui.inv.range', {
                from: nf.format(s.page * INVOICE_PAGE_SIZE + 1),
                to: nf.format(Math.min(s.total, (s.page + 1) * INVOICE_PAGE_SIZE)),
                total: nf.format(s.total),
              })}
            </Text>
            {pages > 1 && <Pagination size="sm" total={pages} value={s.page + 1} onChange={(p) => void s.setPage(p - 1)} />}
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
