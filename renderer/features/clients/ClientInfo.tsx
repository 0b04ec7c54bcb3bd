import { Divider, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ClientDetail } from '#shared/contract/clients';
import { useT } from '../../app/stores';
import { Money } from '../../components/Money';
import { ContactsSection } from './ContactsSection';
import { useClientsT } from './i18n';
import { LongText } from '../../components/LongText';

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" className="long-text">
        {children || '—'}
      </Text>
    </div>
  );
}

/** Identification, terms and the people to call. */
export function ClientInfo({ client, currency }: { client: ClientDetail; currency: string }) {
  const { t } = useT();
  const { t: tc } = useClientsT();
  return (
    <Paper withBorder p="sm" radius="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Item label={t('ui.client.taxId')}>{client.taxId}</Item>
        <Item label={t('ui.client.email')}>{client.email}</Item>
        <Item label={t('ui.client.phone')}>{client.phone}</Item>
        <Item label={t('ui.client.segment')}>{client.segment}</Item>
        <Item label={t('ui.client.address')}>{client.address}</Item>
        <Item label={t('ui.client.termsShort')}>{t('ui.client.termsDays', { days: client.paymentTermsDays })}</Item>
        <Item label={t('ui.client.creditLimitShort')}>{client.creditLimit != null ? <Money cents={client.creditLimit} currency={currency} /> : null}</Item>
      </SimpleGrid>
      {client.notes && (
        <Text size="sm" mt="sm" component="div" data-testid="client-notes">
          <Text span size="xs" c="dimmed">
            {tc('ui.cl.notes')}:{' '}
          </Text>
          <LongText text={client.notes} />
        </Text>
      )}
      <Divider my="sm" />
      <ContactsSection clientId={client.id} contacts={client.contacts} />
    </Paper>
  );
}
