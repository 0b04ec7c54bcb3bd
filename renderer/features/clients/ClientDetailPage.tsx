import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Payment } from '#shared/contract/payments';
import { useSession, useStores, useT } from '../../app/stores';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { BalanceCards } from './BalanceCards';
import { ClientForm } from './ClientForm';
import { ClientInfo } from './ClientInfo';
import { InvoiceForm } from './InvoiceForm';
import { InvoicesTable } from './InvoicesTable';
import { PaymentForm } from './PaymentForm';
import { PaymentsTable } from './PaymentsTable';
import { VoidPaymentDialog } from './VoidPaymentDialog';

type Dialog = 'edit' | 'invoice' | 'payment' | null;

export function ClientDetailPage({ clientId }: { clientId: number }) {
  const { t } = useT();
  const stores = useStores();
  const detail = useStore(stores.clientDetail);
  const defaultCurrency = useSession((s) => s.settings?.defaultCurrency ?? 'PEN');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [voiding, setVoiding] = useState<Payment | null>(null);

  useEffect(() => {
    void stores.clientDetail.getState().open(clientId);
  }, [clientId, stores.clientDetail]);

  const back = () => stores.router.getState().go({ area: 'clients' });
  const done = (message: string) => {
    setDialog(null);
    notifications.show({ color: 'green', message });
    void stores.session.getState().refreshInfo();
    void stores.clients.getState().refresh();
  };

  if (detail.status === 'error') return <ErrorState error={detail.error} onRetry={() => void detail.open(clientId)} />;
  const client = detail.client;
  if (!client || client.id !== clientId) return <Loading />;
  // a payment most likely settles what is open, so its currency defaults to the client's open one
  const paymentCurrency = client.balances.find((b) => b.open > 0)?.currency ?? defaultCurrency;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Anchor component="button" size="sm" onClick={back}>← {t('ui.nav.clients')}</Anchor>
          <Group gap="sm" align="baseline">
            <Title order={2}>{client.name}</Title>
            <Text ff="monospace" c="dimmed">{client.code}</Text>
            {client.doNotContact && <Badge color="orange" variant="light">{t('ui.client.doNotContact')}</Badge>}
          </Group>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={() => setDialog('edit')}>{t('ui.action.edit')}</Button>
          <Button variant="light" onClick={() => setDialog('invoice')}>{t('ui.invoice.new')}</Button>
          <Button onClick={() => setDialog('payment')}>{t('ui.payment.new')}</Button>
        </Group>
      </Group>
      <BalanceCards balances={client.balances} />
      <ClientInfo client={client} currency={defaultCurrency} />
      <Paper withBorder p="sm" radius="md">
        <Title order={4} mb="xs">{t('ui.client.invoices')}</Title>
        <InvoicesTable invoices={detail.invoices} />
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Title order={4} mb="xs">{t('ui.client.payments')}</Title>
        <PaymentsTable payments={detail.payments} onVoid={setVoiding} />
      </Paper>

      <Modal opened={dialog === 'edit'} onClose={() => setDialog(null)} title={t('ui.client.edit')} size="lg">
        <ClientForm
          client={client}
          currency={defaultCurrency}
          onCancel={() => setDialog(null)}
          onSubmit={async (input) => {
            await detail.updateClient(input);
            done(t('ui.client.saved', { name: input.name }));
          }}
        />
      </Modal>
      <Modal opened={dialog === 'invoice'} onClose={() => setDialog(null)} title={t('ui.invoice.new')} size="lg">
        <InvoiceForm
          termsDays={client.paymentTermsDays}
          defaultCurrency={defaultCurrency}
          onCancel={() => setDialog(null)}
          onSubmit={async (input) => {
            const inv = await detail.createInvoice(input);
            done(t('ui.invoice.saved', { number: inv.number }));
          }}
        />
      </Modal>
      <Modal opened={dialog === 'payment'} onClose={() => setDialog(null)} title={t('ui.payment.new')} size="lg">
        <PaymentForm
          defaultCurrency={paymentCurrency}
          onCancel={() => setDialog(null)}
          onSubmit={async (input) => {
            await detail.recordPayment(input);
            done(t('ui.payment.saved'));
          }}
        />
      </Modal>
      <VoidPaymentDialog
        payment={voiding}
        onClose={() => setVoiding(null)}
        onConfirm={async (reason) => {
          if (!voiding) return;
          await detail.voidPayment(voiding.id, reason);
          setVoiding(null);
          done(t('ui.payment.voidedNotice'));
        }}
      />
    </Stack>
  );
}
