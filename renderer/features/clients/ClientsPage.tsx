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
import { FirstRun } from '../today/FirstRun';
import { ClientForm } from './ClientForm';
import { ClientList } from './ClientList';

export const SEARCH_DEBOUNCE_MS = 250;

export function ClientsPage() {
  const { t } = useT();
  const stores = useStores();
  const { status, error, total, search } = useStore(stores.clients);
  const currency = useSession((s) => s.settings?.defaultCurrency ?? 'PEN');
  const counts = useSession((s) => s.info?.counts);
  const [text, setText] = useState(search);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void stores.clients.getState().setSearch(debounced);
  }, [debounced, stores.clients]);

  // "/" jumps to the search box, as in most list screens clerks already know
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (e.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA') {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = (id: number) => stores.router.getState().go({ area: 'clients', clientId: id });
  const firstRun = counts && counts.clients === 0 && !search;

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
            w={320}
            leftSection={<Icon name="search" size={16} />}
          />
          <Button onClick={() => setCreating(true)}>{t('ui.client.new')}</Button>
        </Group>
      </Group>
      {status === 'error' ? (
        <ErrorState error={error} onRetry={() => void stores.clients.getState().refresh()} />
      ) : firstRun ? (
        <FirstRun onCreateClient={() => setCreating(true)} />
      ) : status !== 'ready' && total === 0 ? (
        <Loading />
      ) : total === 0 ? (
        <EmptyState title={t('ui.clients.none_found')} icon="search">
          {t('ui.clients.none_found_hint', { search })}
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
