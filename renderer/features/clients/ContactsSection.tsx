import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Contact } from '#shared/contract/clients';
import { useStores } from '../../app/stores';
import { useSubmit } from '../../components/useSubmit';
import { ContactForm } from './ContactForm';
import { useClientsT } from './i18n';

/** Several contacts per client; removing one asks first, and the core refuses one named in the history. */
export function ContactsSection({ clientId, contacts }: { clientId: number; contacts: Contact[] }) {
  const { t, locale } = useClientsT();
  const detail = useStores().clientDetail;
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const remove = useSubmit(locale);

  const closeRemove = () => {
    remove.setErrors({ form: null, fields: {} });
    setRemoving(null);
  };

  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="xs" c="dimmed">
          {t('ui.client.contacts')}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing('new')}>
          + {t('ui.cl.contact.add')}
        </Button>
      </Group>
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.client.noContacts')}
        </Text>
      ) : (
        <Stack gap={2}>
          {contacts.map((c) => (
            <Group key={c.id} gap="md" wrap="nowrap" data-testid="contact-row">
              <Text size="sm" fw={500}>
                {c.name}
              </Text>
              {c.role && (
                <Text size="sm" c="dimmed">
                  {c.role}
                </Text>
              )}
              {c.phone && <Text size="sm">{c.phone}</Text>}
              {c.email && <Text size="sm">{c.email}</Text>}
              {c.preferredChannel && (
                <Badge size="xs" variant="light">
                  {t(`ui.cl.channel.${c.preferredChannel}`)}
                </Badge>
              )}
              <Group gap={4} ml="auto" wrap="nowrap">
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)} aria-label={`${t('ui.cl.contact.edit')}: ${c.name}`}>
                  {t('ui.action.edit')}
                </Button>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(c)} aria-label={`${t('ui.cl.contact.remove')}: ${c.name}`}>
                  {t('ui.cl.contact.remove')}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t(editing === 'new' ? 'ui.cl.contact.add' : 'ui.cl.contact.edit')}>
        {editing !== null && (
          <ContactForm
            contact={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              if (editing === 'new') await detail.getState().write('contacts.create', { clientId, ...input });
              else await detail.getState().write('contacts.update', { id: editing.id, ...input });
              setEditing(null);
              notifications.show({ color: 'green', message: t('ui.cl.contact.saved') });
            }}
          />
        )}
      </Modal>
      <Modal opened={removing !== null} onClose={closeRemove} title={t('ui.cl.contact.removeTitle')}>
        {removing && (
          <Stack gap="sm">
            <Text size="sm">{t('ui.cl.contact.removeBody', { name: removing.name })}</Text>
            {remove.errors.form && (
              <Alert color="red" variant="light" role="alert">
                {remove.errors.form}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeRemove} data-autofocus>
                {t('ui.action.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.saving}
                onClick={() =>
                  void remove.run(async () => {
                    await detail.getState().write('contacts.remove', { id: removing.id });
                    setRemoving(null);
                    notifications.show({ color: 'green', message: t('ui.cl.contact.removed') });
                  })
                }
              >
                {t('ui.cl.contact.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </div>
  );
}
