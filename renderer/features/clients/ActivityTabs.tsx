import { Badge, Table, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { DocumentSummary, Interaction, PlanSummary, PromiseToPay } from '#shared/contract/activity';
import { call } from '../../api/client';
import { DateText } from '../../components/DateText';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Money } from '../../components/Money';
import { codeWord, formatInstantText } from '../../components/words';
import './activityWords';
import { useClientsT, type ClientsKey } from './i18n';
import { LongText } from '../../components/LongText';

type ListMethod = 'interactions.listByClient' | 'promises.listByClient' | 'plans.listByClient' | 'documents.listByClient';

/**
 * Read-only lists for tabs: fetched when the tab opens (tabs are not kept mounted), so a client page
 * costs nothing for histories nobody looks at. They change only through later workflows, hence no store.
 */
function useByClient<T>(method: ListMethod, clientId: number) {
  const [state, setState] = useState<{ rows: T[] | null; error: unknown; n: number }>({ rows: null, error: null, n: 0 });
  useEffect(() => {
    let live = true;
    call(method, { clientId }).then(
      (rows) => live && setState((s) => ({ ...s, rows: rows as T[], error: null })),
      (error: unknown) => live && setState((s) => ({ ...s, error })),
    );
    return () => {
      live = false;
    };
  }, [method, clientId, state.n]);
  return { ...state, retry: () => setState((s) => ({ rows: null, error: null, n: s.n + 1 })) };
}

function ListTab<T extends { id: number }>({
  method,
  clientId,
  empty,
  head,
  row,
}: {
  method: ListMethod;
  clientId: number;
  empty: ClientsKey;
  head: ClientsKey[];
  row(r: T): ReactNode;
}) {
  const { t } = useClientsT();
  const { rows, error, retry } = useByClient<T>(method, clientId);
  if (error) return <ErrorState error={error} onRetry={retry} />;
  if (!rows) return <Loading />;
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm" py="sm">
        {t(empty)} {t('ui.cl.readOnly')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h}>{t(h)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>{row(r)}</Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function InteractionsTab({ clientId }: { clientId: number }) {
  const { t, locale } = useClientsT();
  return (
    <ListTab<Interaction>
      method="interactions.listByClient"
      clientId={clientId}
      empty="ui.cl.empty.interactions"
      head={['ui.cl.act.date', 'ui.cl.act.channel', 'ui.cl.act.direction', 'ui.cl.act.outcome', 'ui.cl.act.notes', 'ui.cl.act.next']}
      row={(r) => (
        <>
          <Table.Td className="num nowrap">
            <time dateTime={r.occurredAt} title={r.occurredAt}>
              {formatInstantText(r.occurredAt, locale)}
            </time>
          </Table.Td>
          <Table.Td>{codeWord(locale, 'ui.cl.channel.', r.channel)}</Table.Td>
          <Table.Td>{t(r.direction === 'inbound' ? 'ui.cl.act.inbound' : 'ui.cl.act.outbound')}</Table.Td>
          <Table.Td>{r.outcome ? codeWord(locale, 'ui.cl.outcome.', r.outcome) : ''}</Table.Td>
          <Table.Td maw={360}>
            <LongText text={r.notes} />
          </Table.Td>
          <Table.Td>
            {r.nextAction ?? ''} {r.nextActionOn && <DateText date={r.nextActionOn} />}
          </Table.Td>
        </>
      )}
    />
  );
}

export function PromisesTab({ clientId }: { clientId: number }) {
  const { t } = useClientsT();
  return (
    <ListTab<PromiseToPay>
      method="promises.listByClient"
      clientId={clientId}
      empty="ui.cl.empty.promises"
      head={['ui.cl.act.promised', 'ui.cl.act.total', 'ui.cl.act.status', 'ui.cl.act.notes']}
      row={(r) => (
        <>
          <Table.Td>
            <DateText date={r.promisedDate} />
          </Table.Td>
          <Table.Td>
            <Money cents={r.amount} currency={r.currency} />
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={r.status === 'broken' ? 'red' : r.status === 'kept' ? 'green' : 'gray'}>
              {t(`ui.cl.promise.${r.status}`)}
            </Badge>
          </Table.Td>
          <Table.Td maw={360}>
            <LongText text={r.notes} />
          </Table.Td>
        </>
      )}
    />
  );
}

export function PlansTab({ clientId }: { clientId: number }) {
  const { locale } = useClientsT();
  return (
    <ListTab<PlanSummary>
      method="plans.listByClient"
      clientId={clientId}
      empty="ui.cl.empty.plans"
      head={['ui.cl.act.start', 'ui.cl.act.frequency', 'ui.cl.act.installments', 'ui.cl.act.total', 'ui.cl.act.paid', 'ui.cl.act.status']}
      row={(r) => (
        <>
          <Table.Td>
            <DateText date={r.startDate} />
          </Table.Td>
          <Table.Td>{codeWord(locale, 'ui.cl.frequency.', r.frequency)}</Table.Td>
          <Table.Td className="num">{r.installmentsCount}</Table.Td>
          <Table.Td>
            <Money cents={r.totalAmount} currency={r.currency} />
          </Table.Td>
          <Table.Td>
            <Money cents={r.paidAmount} currency={r.currency} />
          </Table.Td>
          <Table.Td>{codeWord(locale, 'ui.cl.planStatus.', r.status)}</Table.Td>
        </>
      )}
    />
  );
}

export function DocumentsTab({ clientId }: { clientId: number }) {
  const { locale } = useClientsT();
  return (
    <ListTab<DocumentSummary>
      method="documents.listByClient"
      clientId={clientId}
      empty="ui.cl.empty.documents"
      head={['ui.cl.act.date', 'ui.cl.act.kind', 'ui.cl.act.title', 'ui.cl.act.file']}
      row={(r) => (
        <>
          <Table.Td>
            <DateText date={r.createdAt.slice(0, 10)} />
          </Table.Td>
          <Table.Td>{codeWord(locale, 'ui.cl.docKind.', r.kind)}</Table.Td>
          <Table.Td>{r.title}</Table.Td>
          <Table.Td ff="monospace" fz="xs">
            {r.fileName}
          </Table.Td>
        </>
      )}
    />
  );
}
