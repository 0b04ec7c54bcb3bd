import { Badge, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TimelineItem } from '#shared/contract/workflow';
import type { Policy } from '#shared/domain/workflow/policy';
import { call } from '../../api/client';
import { DateText } from '../../components/DateText';
import { defineCatalogue } from '../../components/catalogue';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Money } from '../../components/Money';
import { useTodayT } from '../today/i18n';

const useTimelineT = defineCatalogue(
  {
    'ui.tl.tab': 'Timeline',
    'ui.tl.empty': 'Nothing has happened with this client yet.',
    'ui.tl.kind.interaction': 'Contact',
    'ui.tl.kind.document': 'Document',
    'ui.tl.kind.invoice': 'Invoice',
    'ui.tl.kind.payment': 'Payment',
    'ui.tl.kind.promise': 'Promise',
    'ui.tl.kind.stage': 'Stage',
    'ui.tl.promiseFor': 'to pay by {date} · {status}',
    'ui.tl.stageLeft': 'left the workflow',
    'ui.tl.status.active': 'active',
    'ui.tl.status.kept': 'kept',
    'ui.tl.status.broken': 'broken',
    'ui.tl.status.cancelled': 'cancelled',
  },
  {
    'ui.tl.tab': 'Historial',
    'ui.tl.empty': 'Aún no ha pasado nada con este cliente.',
    'ui.tl.kind.interaction': 'Contacto',
    'ui.tl.kind.document': 'Documento',
    'ui.tl.kind.invoice': 'Factura',
    'ui.tl.kind.payment': 'Pago',
    'ui.tl.kind.promise': 'Promesa',
    'ui.tl.kind.stage': 'Etapa',
    'ui.tl.promiseFor': 'pagar hasta el {date} · {status}',
    'ui.tl.stageLeft': 'salió del flujo',
    'ui.tl.status.active': 'activa',
    'ui.tl.status.kept': 'cumplida',
    'ui.tl.status.broken': 'incumplida',
    'ui.tl.status.cancelled': 'anulada',
  },
);

export function TimelineTabLabel() {
  return <>{useTimelineT().t('ui.tl.tab')}</>;
}

/** Everything that happened with the client, newest first (interactions, documents, invoices, payments, promises, stages). */
export function ClientTimeline({ clientId }: { clientId: number }) {
  const { t, locale } = useTimelineT();
  const words = useTodayT().t;
  const [state, setState] = useState<{ items: TimelineItem[] | null; policy: Policy | null; error: unknown }>({ items: null, policy: null, error: null });
  useEffect(() => {
    let live = true;
    Promise.all([call('timeline.byClient', { clientId }), call('policy.get', {})]).then(
      ([items, policy]) => live && setState({ items, policy, error: null }),
      (error: unknown) => live && setState({ items: null, policy: null, error }),
    );
    return () => {
      live = false;
    };
  }, [clientId]);
  if (state.error) return <ErrorState error={state.error} />;
  if (!state.items) return <Loading />;
  if (!state.items.length)
    return (
      <Text c="dimmed" size="sm">
        {t('ui.tl.empty')}
      </Text>
    );
  const stageName = (key: string) => state.policy?.stages.find((s) => s.key === key)?.name ?? key;
  const title = (i: TimelineItem) => {
    if (i.kind === 'interaction') {
      const [channel, outcome] = i.title.split(':');
      return `${words(`ui.channel.${channel}` as never)} · ${outcome ? words(`ui.outcome.${outcome}` as never) : ''}`;
    }
    if (i.kind === 'promise')
      return t('ui.tl.promiseFor', {
        date: new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(new Date(`${i.title}T00:00:00Z`)),
        status: t(`ui.tl.status.${i.detail as 'active'}`),
      });
    if (i.kind === 'stage') return i.title ? stageName(i.title) : t('ui.tl.stageLeft');
    return i.title;
  };
  return (
    <Stack gap={6} data-testid="timeline">
      {state.items.map((i) => (
        <Group key={`${i.kind}-${i.id}`} gap="sm" wrap="nowrap" data-testid="timeline-item">
          <Text size="sm" className="num" w={96}>
            <DateText date={i.at.slice(0, 10)} />
          </Text>
          <Badge variant="light" w={110}>
            {t(`ui.tl.kind.${i.kind}`)}
          </Badge>
          <Text size="sm">{title(i)}</Text>
          {i.amount !== null && i.currency && <Money cents={i.amount} currency={i.currency} size="sm" />}
          {i.kind !== 'promise' && i.kind !== 'stage' && i.detail && (
            <Text size="sm" c="dimmed">
              {i.detail}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}
