import { Center, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** What to show when there is nothing yet: say what belongs here and what to do next. */
export function EmptyState({ title, children, actions, icon }: { title: string; children?: ReactNode; actions?: ReactNode; icon?: IconName }) {
  return (
    <Center py="xl" data-testid="empty-state">
      <Stack align="center" gap="xs" maw={520} ta="center">
        {icon && (
          <Text c="gray.5" lh={1}>
            <Icon name={icon} size={44} stroke={1.25} />
          </Text>
        )}
        <Title order={3} fw={600}>
          {title}
        </Title>
        {children && <Text c="dimmed">{children}</Text>}
        {actions && (
          <Group gap="sm" mt="sm" justify="center">
            {actions}
          </Group>
        )}
      </Stack>
    </Center>
  );
}
