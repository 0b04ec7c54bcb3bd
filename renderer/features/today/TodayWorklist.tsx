import { Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useTodayT } from './i18n';
import { InteractionForm } from './InteractionForm';
import { TaskList } from './TaskList';
import { HelpOverlay, RescheduleDialog, SkipDialog } from './TaskDialogs';

type Dialog = null | 'complete' | 'skip' | 'reschedule' | 'help';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable);
}

/** The clerk's loop: j/k to move, Enter to complete, s to skip, r to reschedule, ? for help. */
export function TodayWorklist() {
  const { t } = useTodayT();
  const stores = useStores();
  const store = stores.today;
  const { status, error, list, selected } = useStore(store);
  const [dialog, setDialog] = useState<Dialog>(null);
  const task = list?.tasks[selected] ?? null;

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const s = store.getState();
      const has = !!s.current();
      if (e.key === 'j' || e.key === 'ArrowDown') s.move(1);
      else if (e.key === 'k' || e.key === 'ArrowUp') s.move(-1);
      else if (e.key === 'Enter' && has) setDialog('complete');
      else if (e.key === 's' && has) setDialog('skip');
      else if (e.key === 'r' && has) setDialog('reschedule');
      else if (e.key === '?') setDialog('help');
      else return;
      e.preventDefault();
    };
    // capture: Today's keys (its own '?' list included) are handled before the app-wide shortcuts
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dialog, store]);

  if (status === 'error') return <ErrorState error={error} onRetry={() => void store.getState().load()} />;
  if (!list) return <Loading />;
  // the closing dialog's field would otherwise keep the focus and swallow the next shortcut
  const close = () => {
    setDialog(null);
    (document.activeElement as HTMLElement | null)?.blur?.();
  };

  return (
    <>
      <Group gap="lg">
        <Text fw={600} data-testid="today-left">
          {t('ui.td.left', { count: list.left })}
        </Text>
        <Text c="dimmed" data-testid="today-done">
          {t('ui.td.done', { count: list.doneToday })}
        </Text>
        <Text c="dimmed">{t('ui.td.skipped', { count: list.skippedToday })}</Text>
        <Text c="dimmed" size="sm">
          {t('ui.td.helpHint')}
        </Text>
      </Group>
      {list.tasks.length === 0 ? (
        <EmptyState title={t('ui.td.emptyTitle')} icon="check">
          {t('ui.td.emptyBody')}
        </EmptyState>
      ) : (
        <TaskList
          tasks={list.tasks}
          selected={selected}
          onSelect={(i) => store.getState().select(i)}
          onOpen={(i) => (store.getState().select(i), setDialog('complete'))}
        />
      )}
      <Modal opened={dialog === 'complete' && !!task} onClose={close} title={task ? t('ui.ix.title', { client: task.clientName }) : ''} size="lg">
        {task && (
          <InteractionForm
            task={task}
            onCancel={close}
            onSubmit={async (input, outcome) => {
              await store.getState().complete(input);
              close();
              notifications.show({ color: 'green', message: t('ui.td.completed') });
              // a dispute is recorded on its invoice, from the client page
              if (outcome === 'dispute') stores.router.getState().go({ area: 'clients', clientId: input.clientId });
            }}
          />
        )}
      </Modal>
      <SkipDialog opened={dialog === 'skip'} onClose={close} onConfirm={async (reason) => (await store.getState().skip(task!.id, reason), close())} />
      <RescheduleDialog
        opened={dialog === 'reschedule'}
        onClose={close}
        onConfirm={async (date) => (await store.getState().reschedule(task!.id, date), close())}
      />
      <HelpOverlay opened={dialog === 'help'} onClose={close} />
    </>
  );
}
