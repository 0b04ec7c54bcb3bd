import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { errorMessage } from '../../api/client';
import { useStores } from '../../app/stores';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useBooksT } from './i18n';

/**
 * Settings → Books: the open book, the recent ones, and a typed path to open or create another (the
 * browser has no file dialog onto the user's disk; the desktop app adds File-menu dialogs).
 */
export function BooksSection() {
  const { t, locale } = useBooksT();
  const store = useStores().books;
  const { status, error, current, recent, switching } = useStore(store);
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  async function go(file: string, mode: 'open' | 'create') {
    try {
      const book = await store.getState().open(file, mode);
      notifications.show({ color: 'green', message: t('ui.books.switched', { name: book.name }) });
    } catch (e) {
      setPathError(errorMessage(e, locale));
    }
  }
  const submit = (mode: 'open' | 'create') => (e?: FormEvent) => {
    e?.preventDefault();
    void go(path.trim(), mode);
  };
  const others = recent.filter((b) => !b.current);

  return (
    <Paper withBorder p="md" radius="md" maw={960} component="section" aria-labelledby="books-title">
      <Stack gap="sm">
        <Title order={4} id="books-title">
          {t('ui.books.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('ui.books.intro')}
        </Text>
        {status === 'error' ? (
          <ErrorState error={error} onRetry={() => void store.getState().load()} />
        ) : !current ? (
          <Loading />
        ) : (
          <>
            <Stack gap={2} data-testid="book-current">
              <Text size="sm" fw={600}>
                {t('ui.books.current')}
              </Text>
              <Text size="sm">
                {current.name} ·{' '}
                <Text span ff="monospace" fz="xs">
                  {current.file}
                </Text>
              </Text>
            </Stack>
            <Text size="sm" fw={600}>
              {t('ui.books.recent')}
            </Text>
            {others.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('ui.books.none')}
              </Text>
            ) : (
              <Table aria-label={t('ui.books.recent')} verticalSpacing={4}>
                <Table.Tbody>
                  {others.map((b) => (
                    <Table.Tr key={b.file}>
                      <Table.Td>{b.name}</Table.Td>
                      <Table.Td>
                        <Text span ff="monospace" fz="xs">
                          {b.file}
                        </Text>
                        {!b.exists && (
                          <Text span c="orange.9" fz="xs">
                            {' '}
                            ({t('ui.books.missing')})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="default"
                          disabled={!b.exists || switching}
                          onClick={() => void go(b.file, 'open')}
                          aria-label={`${t('ui.books.open')} ${b.name}`}
                        >
                          {t('ui.books.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <form onSubmit={submit('open')} noValidate>
              <TextInput
                label={t('ui.books.path')}
                description={t('ui.books.pathHint')}
                value={path}
                onChange={(e) => {
                  setPath(e.currentTarget.value);
                  setPathError(null);
                }}
                error={pathError}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                spellCheck={false}
              />
              <Group gap="xs" mt="xs">
                <Button type="submit" variant="default" loading={switching} disabled={!path.trim()}>
                  {t('ui.books.openPath')}
                </Button>
                <Button onClick={() => submit('create')()} loading={switching} disabled={!path.trim()}>
                  {t('ui.books.create')}
                </Button>
              </Group>
            </form>
            {typeof window !== 'undefined' && !window.cartera && (
              <Text size="xs" c="dimmed">
                {t('ui.books.desktopHint')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
