import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ClientDetail } from '#shared/contract/clients';
import { useT } from '../../app/stores';
import { Money } from '../../components/Money';

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

/** Identification, terms and the people to call. */
export function ClientInfo({ client, currency }: { client: ClientDetail; currency: string }) {
  const { t } = useT();
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
      <Text size="xs" c="dimmed" mt="sm">{t('ui.client.contacts')}</Text>
      {client.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">{t('ui.client.noContacts')}</Text>
      ) : (
        <Stack gap={2}>
          {client.contacts.map((c) => (
            <Group key={c.id} gap="md" fz="sm">
              <Text size="sm" fw={500}>{c.name}</Text>
              {c.role && <Text size="sm" c="dimmed">{c.role}</Text>}
              {c.phone && <Text size="sm">{c.phone}</Text>}
              {c.email && <Text size="sm">{c.email}</Text>}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
