import { Alert, Button, Group, Kbd, Modal, Stack, Table, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { addDays } from '#shared/domain/dates';
import { todayIso } from '../../app/locale';
import { useSubmit } from '../../components/useSubmit';
import { useTodayT } from './i18n';

/** Skip needs a reason (kept in the audit log); Enter saves. */
export function SkipDialog({ opened, onClose, onConfirm }: { opened: boolean; onClose(): void; onConfirm(reason: string): Promise<void> }) {
  const { t, locale } = useTodayT();
  const [reason, setReason] = useState('');
  const { errors, setErrors, saving, run } = useSubmit(locale);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setErrors({ form: null, fields: { reason: t('validation.required') } });
    void run(async () => {
      await onConfirm(reason.trim());
      setReason('');
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('ui.td.skipTitle')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {errors.form && (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          )}
          <TextInput
            label={t('ui.td.skipReason')}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.fields.reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.action.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('ui.td.skip')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RescheduleDialog({ opened, onClose, onConfirm }: { opened: boolean; onClose(): void; onConfirm(date: string): Promise<void> }) {
  const { t, locale } = useTodayT();
  const [date, setDate] = useState<string>(addDays(todayIso(), 1));
  const { errors, saving, run } = useSubmit(locale);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => onConfirm(date));
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('ui.td.rescheduleTitle')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {errors.form && (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          )}
          <TextInput
            type="date"
            label={t('ui.td.newDate')}
            data-autofocus
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.fields.date}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.action.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('ui.td.reschedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export const TODAY_KEYS = [
  ['j', 'ui.td.key.next'],
  ['k', 'ui.td.key.prev'],
  ['Enter', 'ui.td.key.complete'],
  ['s', 'ui.td.key.skip'],
  ['r', 'ui.td.key.reschedule'],
  ['?', 'ui.td.key.help'],
] as const;

export function HelpOverlay({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTodayT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('ui.td.help')}>
      <Table>
        <Table.Tbody>
          {TODAY_KEYS.map(([k, label]) => (
            <Table.Tr key={k}>
              <Table.Td>
                <Kbd>{k}</Kbd>
              </Table.Td>
              <Table.Td>{t(label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
