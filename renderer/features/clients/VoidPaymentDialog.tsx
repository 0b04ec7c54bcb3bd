import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Payment } from '#shared/contract/payments';
import { formatDate } from '#shared/domain/dates';
import { formatMoney } from '#shared/domain/money';
import { useT } from '../../app/stores';
import { NO_ERRORS, toFormErrors, type FormErrors } from '../../components/formErrors';
import { TEXT_LIMITS } from '#shared/contract/limits';
import { LimitedTextarea } from '../../components/LimitedTextarea';

/** Voiding is reversible only by re-entering the payment, so it asks for confirmation and a reason. */
export function VoidPaymentDialog({ payment, onConfirm, onClose }: { payment: Payment | null; onConfirm(reason: string): Promise<void>; onClose(): void }) {
  const { t, locale } = useT();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);

  async function confirm() {
    if (!reason.trim()) return setErrors({ form: null, fields: { reason: t('validation.required') } });
    setSaving(true);
    try {
      await onConfirm(reason.trim());
      setReason('');
      setErrors(NO_ERRORS);
    } catch (e) {
      setErrors(toFormErrors(e, locale));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={payment !== null} onClose={onClose} title={t('ui.payment.voidTitle')}>
      {payment && (
        <Stack gap="sm">
          <Text size="sm">
            {t('ui.payment.voidBody', { amount: formatMoney(payment.amount, payment.currency, locale), date: formatDate(payment.date, locale) })}
          </Text>
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
            <Button variant="default" onClick={onClose}>
              {t('ui.action.cancel')}
            </Button>
            <Button color="red" loading={saving} onClick={() => void confirm()}>
              {t('ui.payment.void')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
