import { Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { PRIORITY_FORMULA } from '#shared/domain/workflow/priority';
import type { WorklistTask } from '#shared/contract/workflow';
import { Money } from '../../components/Money';
import { useTodayT } from './i18n';
import { GROUPS } from './todayStore';

type Props = { tasks: WorklistTask[]; selected: number; onSelect(index: number): void; onOpen(index: number): void };

function PriorityBadge({ task }: { task: WorklistTask }) {
  const { t } = useTodayT();
  const label = (
    <Stack gap={2}>
      {task.priorityFactors.map((f) => (
        <Text key={f.factor} size="xs">
          {t(`ui.td.factor.${f.factor}`)}: {f.points}
        </Text>
      ))}
      <Text size="xs" c="dimmed" maw={320} style={{ whiteSpace: 'normal' }}>
        {PRIORITY_FORMULA}
      </Text>
    </Stack>
  );
  return (
    <Tooltip label={label} withArrow multiline>
      <Badge variant="light" className="num" data-testid="task-priority">
        {t('ui.td.priority', { score: task.priority })}
      </Badge>
    </Tooltip>
  );
}

/** Today's tasks in groups; the selected row follows j/k and is what Enter completes. */
export function TaskList({ tasks, selected, onSelect, onOpen }: Props) {
  const { t } = useTodayT();
  return (
    <Stack gap="md" role="listbox" aria-label={t('ui.nav.today')}>
      {GROUPS.map((g) => {
        const items = tasks.map((task, index) => ({ task, index })).filter((x) => x.task.kind === g);
        if (!items.length) return null;
        return (
          <Stack gap={4} key={g}>
            <Title order={4}>
              {t(`ui.td.group.${g}`)}{' '}
              <Text span c="dimmed" size="sm">
                ({items.length})
              </Text>
            </Title>
            {items.map(({ task, index }) => (
              <Paper
                key={task.id}
                withBorder
                p="xs"
                radius="sm"
                role="option"
                aria-selected={index === selected}
                data-testid="task-row"
                onClick={() => onSelect(index)}
                onDoubleClick={() => onOpen(index)}
                style={{
                  cursor: 'pointer',
                  borderColor: index === selected ? 'var(--mantine-color-blue-6)' : undefined,
                  borderWidth: index === selected ? 2 : 1,
                }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={0}>
                    <Text fw={600}>
                      {task.clientCode} · {task.clientName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {task.reason}
                    </Text>
                  </Stack>
                  <Group gap="xs" wrap="nowrap">
                    {task.channel && <Badge variant="outline">{t(`ui.channel.${task.channel}` as never)}</Badge>}
                    {task.currency && task.overdue > 0 && <Money cents={task.overdue} currency={task.currency} fw={600} />}
                    <PriorityBadge task={task} />
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
