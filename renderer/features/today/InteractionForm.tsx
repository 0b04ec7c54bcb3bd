import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { addDays } from '#shared/domain/dates';
import { centsToDecimalString } from '#shared/domain/money';
import { CHANNELS, type Channel } from '#shared/domain/workflow/policy';
import { OUTCOMES, type Outcome, type WorklistTask } from '#shared/contract/workflow';
import { parseAmount } from '../../app/amount';
import { todayIso } from '../../app/locale';
import { useSubmit } from '../../components/useSubmit';
import { useTodayT } from './i18n';
import type { CompleteInput } from './todayStore';

type Props = { task: WorklistTask; onSubmit(input: CompleteInput, outcome: Outcome): Promise<void>; onCancel(): void };

/**
 * The quick contact form, prefilled from the task (channel, the overdue amount as the promise). An
 * outcome of "promise" shows the promise's fields in the same form, saved with the contact.
 */
export function InteractionForm({ task, onSubmit, onCancel }: Props) {
  const { t, locale } = useTodayT();
  const currency = task.currency ?? 'PEN';
  const [channel, setChannel] = useState<Channel>((CHANNELS as readonly string[]).includes(task.channel ?? '') ? (task.channel as Channel) : 'call');
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [outcome, setOutcome] = useState<Outcome>(task.kind === 'dispute_followup' ? 'other' : 'no_answer');
  const [notes, setNotes] = useState('');
  const [nextActionOn, setNextActionOn] = useState('');
  const [amount, setAmount] = useState(task.overdue > 0 ? centsToDecimalString(task.overdue, currency) : '');
  const [date, setDate] = useState<string>(addDays(todayIso(), 3));
  const [override, setOverride] = useState('');
  const { errors, setErrors, saving, run } = useSubmit(locale);
  const needsOverride = errors.form !== null && /reglas de contacto|contact rules/.test(errors.form);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let promise: CompleteInput['promise'] = null;
    if (outcome === 'promise') {
      const parsed = parseAmount(amount, currency, locale);
      if (!parsed.ok) return setErrors({ form: null, fields: { amount: t('validation.amount') } });
      promise = { amount: parsed.value, currency, date };
    }
    void run(() =>
      onSubmit(
        {
          clientId: task.clientId,
          taskId: task.id,
          channel,
          direction,
          outcome,
          notes: notes || null,
          nextActionOn: nextActionOn || null,
          promise,
          overrideReason: override || null,
        },
        outcome,
      ),
    );
  };

  return (
    <form onSubmit={submit} aria-label={t('ui.ix.title', { client: task.clientName })}>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <SimpleGrid cols={3} spacing="sm">
          <NativeSelect
            label={t('ui.ix.outcome')}
            data-autofocus
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}
            data={OUTCOMES.map((o) => ({ value: o, label: t(`ui.outcome.${o}`) }))}
          />
          <NativeSelect
            label={t('ui.ix.channel')}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value as Channel)}
            data={CHANNELS.map((c) => ({ value: c, label: t(`ui.channel.${c}`) }))}
          />
          <NativeSelect
            label={t('ui.ix.direction')}
            value={direction}
            onChange={(e) => setDirection(e.currentTarget.value as 'outbound' | 'inbound')}
            data={[
              { value: 'outbound', label: t('ui.ix.outbound') },
              { value: 'inbound', label: t('ui.ix.inbound') },
            ]}
          />
        </SimpleGrid>
        {outcome === 'promise' && (
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={`${t('ui.ix.promiseAmount')} (${currency})`}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={errors.fields.amount ?? errors.fields['promise.amount']}
              className="num"
            />
            <TextInput
              type="date"
              label={t('ui.ix.promiseDate')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.fields['promise.date']}
            />
          </SimpleGrid>
        )}
        <Textarea label={t('ui.ix.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
        <TextInput type="date" label={t('ui.ix.nextActionOn')} value={nextActionOn} onChange={(e) => setNextActionOn(e.currentTarget.value)} maw={220} />
        {needsOverride && <TextInput label={t('ui.ix.override')} value={override} onChange={(e) => setOverride(e.currentTarget.value)} required />}
        {outcome === 'dispute' && <Alert variant="light">{t('ui.ix.disputeHint')}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('ui.ix.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
