import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../app/stores';
import { useSubmit } from './useSubmit';
import { TEXT_LIMITS } from '#shared/contract/limits';
import { LimitedTextarea } from './LimitedTextarea';

type Props = { opened: boolean; title: string; body: string; confirmLabel: string; onConfirm(reason: string): Promise<void>; onClose(): void };

/** A destructive act (void an invoice, a credit note…): says what happens and asks for a reason, kept in the audit. */
export function ReasonDialog({ opened, title, body, confirmLabel, onConfirm, onClose }: Props) {
  const { t, locale } = useT();
  const [reason, setReason] = useState('');
  const { errors, setErrors, saving, run } = useSubmit(locale);
  const close = () => {
    setReason('');
    setErrors({ form: null, fields: {} });
    onClose();
  };
  const confirm = () => {
    if (!reason.trim()) return setErrors({ form: null, fields: { reason: t('validation.required') } });
    void run(async () => {
      await onConfirm(reason.trim());
      setReason('');
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <Stack gap="sm">
        <Text size="sm">{body}</Text>
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <LimitedTextarea
          label={t('ui.payment.voidReason')}
          required
          data-autofocus
          max={TEXT_LIMITS.voidReason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.fields.reason}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('ui.action.cancel')}
          </Button>
          <Button color="red" loading={saving} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
