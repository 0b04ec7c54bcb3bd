import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useSession, useStores, useT } from '../../app/stores';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useSlashFocus } from '../../components/useSlashFocus';
import { useImportsT } from '../imports/i18n';
import { FirstRun } from '../today/FirstRun';
import { ClientFilters } from './ClientFilters';
import { ClientForm } from './ClientForm';
import { useClientsT } from './i18n';
import { ClientList } from './ClientList';
import { intoResults } from '../../app/pageShortcuts';

export const SEARCH_DEBOUNCE_MS = 250;

export function ClientsPage() {
  const { t } = useT();
  const stores = useStores();
  const { t: tc } = useClientsT();
  const { t: ti } = useImportsT();
  const { status, error, total, search, filters } = useStore(stores.clients);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const currency = useSession((s) => s.settings?.defaultCurrency ?? 'PEN');
  const counts = useSession((s) => s.info?.counts);
  const [text, setText] = useState(search);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void stores.clients.getState().setSearch(debounced);
  }, [debounced, stores.clients]);

  useSlashFocus(searchRef);

  const open = (id: number) => stores.router.getState().go({ area: 'clients', clientId: id });
  const firstRun = counts && counts.clients === 0 && !search && !filtered;
  const goImport = () => stores.router.getState().go({ area: 'clients', view: 'import' });

  return (
    <Stack gap="md" h="100%">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('ui.nav.clients')}</Title>
          {status === 'ready' && (
            <Text c="dimmed" size="sm" className="num">
              {t('ui.clients.count', { count: total })}
            </Text>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <TextInput
            ref={searchRef}
            type="search"
            placeholder={t('ui.clients.search')}
            aria-label={t('ui.clients.search')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => intoResults(e, '[data-testid="client-row"]')}
            aria-keyshortcuts="/ ArrowDown Enter"
            w={{ base: 280, md: 400 }}
            leftSection={<Icon name="search" size={16} />}
          />
          <Button variant="default" onClick={goImport}>
            {ti('ui.imp.open')}
          </Button>
          <Button onClick={() => setCreating(true)}>{t('ui.client.new')}</Button>
        </Group>
      </Group>
      {!firstRun && <ClientFilters />}
      {status === 'error' ? (
        <ErrorState error={error} onRetry={() => void stores.clients.getState().refresh()} />
      ) : firstRun ? (
        <FirstRun onCreateClient={() => setCreating(true)} />
      ) : status !== 'ready' && total === 0 ? (
        <Loading />
      ) : total === 0 ? (
        <EmptyState title={t('ui.clients.none_found')} icon="search">
          {search ? t('ui.clients.none_found_hint', { search }) : tc('ui.cl.noMatch')}
        </EmptyState>
      ) : (
        <ClientList onOpen={open} />
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('ui.client.new')} size="lg">
        <ClientForm
          currency={currency}
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const client = await stores.clients.getState().create(input);
            setCreating(false);
            notifications.show({ color: 'green', message: t('ui.client.saved', { name: client.name }) });
            void stores.session.getState().refreshInfo();
            open(client.id);
          }}
        />
      </Modal>
    </Stack>
  );
}
