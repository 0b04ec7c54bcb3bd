import { Anchor, Badge, Button, Group, Kbd, Modal, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { CreditNote, Dispute } from '#shared/contract/invoices';
import type { Payment } from '#shared/contract/payments';
import { formatMoney } from '#shared/domain/money';
import { useSession, useStores } from '../../app/stores';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { ReasonDialog } from '../../components/ReasonDialog';
import { DocumentsTab, InteractionsTab, PlansTab, PromisesTab } from './ActivityTabs';
import { ClientTimeline, TimelineTabLabel } from '../timeline/ClientTimeline';
import { ApplyCreditDialog } from './ApplyCreditDialog';
import { BalanceCards } from './BalanceCards';
import { ClientForm } from './ClientForm';
import { ClientInfo } from './ClientInfo';
import { ResolveDisputeDialog } from './DisputeDialogs';
import { useClientsT } from './i18n';
import { InvoiceActionDialogs, type InvoiceTarget } from './InvoiceActionDialogs';
import { InvoiceForm } from './InvoiceForm';
import { InvoicesTable } from './InvoicesTable';
import { CreditNotesTable, DisputesTable } from './LedgerTables';
import { PaymentForm } from './PaymentForm';
import { MoreRows } from './MoreRows';
import { RiskBadge } from './RiskBadge';
import { PaymentsTable } from './PaymentsTable';
import { VoidPaymentDialog } from './VoidPaymentDialog';
import { usePageShortcut } from '../../app/pageShortcuts';

type Dialog = 'edit' | 'invoice' | 'payment' | null;

export function ClientDetailPage({ clientId }: { clientId: number }) {
  const { t, locale } = useClientsT();
  const stores = useStores();
  const detail = useStore(stores.clientDetail);
  const defaultCurrency = useSession((s) => s.settings?.defaultCurrency ?? 'PEN');
  const [dialog, setDialog] = useState<Dialog>(null);
  // "p" records a payment: the clerk's most frequent act on this page
  usePageShortcut('p', () => setDialog('payment'), dialog === null);
  const [voiding, setVoiding] = useState<Payment | null>(null);
  const [applying, setApplying] = useState<Payment | null>(null);
  const [invoiceTarget, setInvoiceTarget] = useState<InvoiceTarget>(null);
  const [voidingNote, setVoidingNote] = useState<CreditNote | null>(null);
  const [resolving, setResolving] = useState<Dispute | null>(null);
  // after recording something, its tab is shown, so the user sees what was saved
  const [tab, setTab] = useState<string | null>('invoices');

  useEffect(() => {
    void stores.clientDetail.getState().open(clientId);
  }, [clientId, stores.clientDetail]);

  const back = () => stores.router.getState().go({ area: 'clients' });
  const done = (message: string) => {
    setDialog(null);
    setInvoiceTarget(null);
    setApplying(null);
    setVoidingNote(null);
    setResolving(null);
    notifications.show({ color: 'green', message });
    void stores.session.getState().refreshInfo();
    void stores.clients.getState().refresh();
  };

  if (detail.status === 'error') return <ErrorState error={detail.error} onRetry={() => void detail.open(clientId)} />;
  const client = detail.client;
  if (!client || client.id !== clientId) return <Loading />;
  // a payment most likely settles what is open, so its currency defaults to the client's open one
  const paymentCurrency = client.balances.find((b) => b.open > 0)?.currency ?? defaultCurrency;
  const count = (n: number) =>
    n ? (
      <Badge size="xs" variant="light" circle={n < 10}>
        {n}
      </Badge>
    ) : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Anchor component="button" size="sm" onClick={back}>
            ← {t('ui.nav.clients')}
          </Anchor>
          <Group gap="sm" align="baseline">
            <Title order={2}>{client.name}</Title>
            <Text ff="monospace" c="dimmed">
              {client.code}
            </Text>
            <RiskBadge risk={client.risk} />
            {client.doNotContact && (
              <Badge color="orange" variant="light">
                ⊘ {t('ui.client.doNotContact')}
              </Badge>
            )}
          </Group>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={() => setDialog('edit')}>
            {t('ui.action.edit')}
          </Button>
          <Button variant="light" onClick={() => setDialog('invoice')}>
            {t('ui.invoice.new')}
          </Button>
          <Button
            onClick={() => setDialog('payment')}
            aria-keyshortcuts="p"
            rightSection={
              <Kbd size="xs" aria-hidden>
                P
              </Kbd>
            }
          >
            {t('ui.payment.new')}
          </Button>
        </Group>
      </Group>
      <BalanceCards balances={client.balances} />
      <ClientInfo client={client} currency={defaultCurrency} />
      <Paper withBorder p="sm" radius="md">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="xs">
            <Tabs.Tab value="invoices" rightSection={count(client.invoiceCount)}>
              {t('ui.cl.tab.invoices')}
            </Tabs.Tab>
            <Tabs.Tab value="payments" rightSection={count(client.paymentCount)}>
              {t('ui.cl.tab.payments')}
            </Tabs.Tab>
            <Tabs.Tab value="creditNotes" rightSection={count(detail.creditNotes.length)}>
              {t('ui.cl.tab.creditNotes')}
            </Tabs.Tab>
            <Tabs.Tab value="disputes" rightSection={count(detail.disputes.filter((d) => d.status === 'open').length)}>
              {t('ui.cl.tab.disputes')}
            </Tabs.Tab>
            <Tabs.Tab value="timeline">
              <TimelineTabLabel />
            </Tabs.Tab>
            <Tabs.Tab value="interactions">{t('ui.cl.tab.interactions')}</Tabs.Tab>
            <Tabs.Tab value="promises">{t('ui.cl.tab.promises')}</Tabs.Tab>
            <Tabs.Tab value="plans">{t('ui.cl.tab.plans')}</Tabs.Tab>
            <Tabs.Tab value="documents">{t('ui.cl.tab.documents')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="invoices">
            <InvoicesTable invoices={detail.invoices} onAction={(invoice, action) => setInvoiceTarget({ invoice, action })} />
            <MoreRows shown={detail.invoices.length} total={client.invoiceCount} onMore={() => detail.loadMore('invoices')} />
          </Tabs.Panel>
          <Tabs.Panel value="payments">
            <PaymentsTable payments={detail.payments} onVoid={setVoiding} onApplyCredit={setApplying} />
            <MoreRows shown={detail.payments.length} total={client.paymentCount} onMore={() => detail.loadMore('payments')} />
          </Tabs.Panel>
          <Tabs.Panel value="creditNotes">
            {detail.listErrors.creditNotes ? (
              <ErrorState error={detail.listErrors.creditNotes} onRetry={() => void detail.reload()} />
            ) : (
              <CreditNotesTable notes={detail.creditNotes} onVoid={setVoidingNote} />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="disputes">
            {detail.listErrors.disputes ? (
              <ErrorState error={detail.listErrors.disputes} onRetry={() => void detail.reload()} />
            ) : (
              <DisputesTable disputes={detail.disputes} invoices={detail.invoices} onResolve={setResolving} />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="timeline">
            <ClientTimeline clientId={clientId} />
          </Tabs.Panel>
          <Tabs.Panel value="interactions">
            <InteractionsTab clientId={clientId} />
          </Tabs.Panel>
          <Tabs.Panel value="promises">
            <PromisesTab clientId={clientId} />
          </Tabs.Panel>
          <Tabs.Panel value="plans">
            <PlansTab clientId={clientId} />
          </Tabs.Panel>
          <Tabs.Panel value="documents">
            <DocumentsTab clientId={clientId} />
          </Tabs.Panel>
        </Tabs>
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
          clientId={client.id}
          termsDays={client.paymentTermsDays}
          defaultCurrency={defaultCurrency}
          onCancel={() => setDialog(null)}
          onSubmit={async (input) => {
            const inv = await detail.createInvoice(input);
            setTab('invoices');
            done(t('ui.invoice.saved', { number: inv.number }));
          }}
        />
      </Modal>
      <Modal opened={dialog === 'payment'} onClose={() => setDialog(null)} title={t('ui.payment.new')} size="xl">
        <PaymentForm
          defaultCurrency={paymentCurrency}
          invoices={detail.invoices}
          methods={detail.methods}
          onCancel={() => setDialog(null)}
          onSubmit={async (input) => {
            await detail.recordPayment(input);
            setTab('payments');
            done(t('ui.payment.saved'));
          }}
        />
      </Modal>
      <InvoiceActionDialogs target={invoiceTarget} termsDays={client.paymentTermsDays} onClose={() => setInvoiceTarget(null)} done={done} />
      {applying && (
        <ApplyCreditDialog
          payment={applying}
          invoices={detail.invoices}
          onClose={() => setApplying(null)}
          onSave={async (input) => {
            await detail.write('payments.applyCredit', input);
            done(t('ui.cl.pay.applied'));
          }}
        />
      )}
      {resolving && (
        <ResolveDisputeDialog
          dispute={resolving}
          onClose={() => setResolving(null)}
          onSave={async (input) => {
            await detail.write('disputes.resolve', input);
            done(t('ui.cl.dsp.resolved'));
          }}
        />
      )}
      <ReasonDialog
        opened={voidingNote !== null}
        title={t('ui.cl.cn.void')}
        body={voidingNote ? t('ui.cl.cn.voidBody', { number: voidingNote.number, amount: formatMoney(voidingNote.amount, voidingNote.currency, locale) }) : ''}
        confirmLabel={t('ui.cl.cn.void')}
        onClose={() => setVoidingNote(null)}
        onConfirm={async (reason) => {
          if (!voidingNote) return;
          await detail.write('creditNotes.void', { id: voidingNote.id, reason });
          done(t('ui.cl.cn.voided'));
        }}
      />
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
