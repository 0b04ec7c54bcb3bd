import { Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '#shared/domain/dates';
import { todayIso } from '../../app/locale';
import { useSession, useStores, useT } from '../../app/stores';
import { ClientForm } from '../clients/ClientForm';
import { FirstRun } from './FirstRun';
import { TodayWorklist } from './TodayWorklist';

function Count({ label, value }: { label: string; value: number }) {
  const { locale } = useT();
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} className="num">
        {value.toLocaleString(locale)}
      </Text>
    </Paper>
  );
}

/** The clerk's start page: the book's counts and today's prioritised worklist. */
export function TodayPage() {
  const { t, locale } = useT();
  const stores = useStores();
  const info = useSession((s) => s.info);
  const currency = useSession((s) => s.settings?.defaultCurrency ?? 'PEN');
  const [creating, setCreating] = useState(false);
  const empty = info && info.counts.clients + info.counts.invoices + info.counts.payments === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('ui.nav.today')}</Title>
        <Text c="dimmed">{formatDate(todayIso(), locale)}</Text>
      </Group>
      {empty ? (
        <FirstRun onCreateClient={() => setCreating(true)} />
      ) : (
        <>
          {info && (
            <SimpleGrid cols={3} spacing="sm" maw={600}>
              <Count label={t('ui.nav.clients')} value={info.counts.clients} />
              <Count label={t('ui.today.invoices')} value={info.counts.invoices} />
              <Count label={t('ui.today.payments')} value={info.counts.payments} />
            </SimpleGrid>
          )}
          <TodayWorklist />
        </>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('ui.client.new')} size="lg">
        <ClientForm
          currency={currency}
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const client = await stores.clients.getState().create(input);
            setCreating(false);
            void stores.session.getState().refreshInfo();
            stores.router.getState().go({ area: 'clients', clientId: client.id });
          }}
        />
      </Modal>
    </Stack>
  );
}
