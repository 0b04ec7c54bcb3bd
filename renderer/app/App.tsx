import { Button, Center, Code, MantineProvider, Paper, Stack, Text, Title, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { ApiError } from '#shared/contract/index';
import { ApiClientError, errorMessage, onDatabaseError } from '../api/client';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { BooksSection } from '../features/books/BooksSection';
import { RecoveryPanel } from './Recovery';
import { Shell } from './Shell';
import { onBookChanged } from './bookSwitch';
import { createAppStores, StoresProvider, useSession, useStores, useT, type AppStores } from './stores';

const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
});

/** The data file cannot be used (damaged, newer, locked): nothing else is safe to show. */
function FatalError({ error }: { error: ApiError }) {
  const { t, locale } = useT();
  const message = errorMessage(new ApiClientError(error), locale);
  return (
    <Center h="100vh" p="md">
      <Paper withBorder p="xl" radius="md" maw={640} role="alert">
        <Stack gap="sm">
          <Title order={2}>{t('ui.fatal.title')}</Title>
          <Text>{message}</Text>
          <Text size="sm" c="dimmed">
            {t('ui.fatal.whatToDo')}
          </Text>
          <Code block>{`${error.code}: ${error.key}`}</Code>
          <RecoveryPanel />
          {/* a book that will not open must not keep the user from their other books */}
          <BooksSection />
          <Button variant="default" onClick={() => window.location.reload()} w="fit-content">
            {t('ui.fatal.reload')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

function Root() {
  const stores = useStores();
  const status = useSession((s) => s.status);
  const error = useSession((s) => s.error);
  const fatal = useSession((s) => s.fatal);
  const language = useSession((s) => s.language);

  useEffect(() => {
    const off = onDatabaseError((e) => stores.session.getState().setFatal(e));
    void stores.session.getState().load();
    return off;
  }, [stores]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  if (fatal) return <FatalError error={fatal} />;
  if (status === 'loading')
    return (
      <Center h="100vh">
        <Loading />
      </Center>
    );
  if (status === 'error') {
    return (
      <Center h="100vh" p="md">
        <ErrorState error={error} onRetry={() => void stores.session.getState().load()} />
      </Center>
    );
  }
  return <Shell />;
}

export function App({ stores: initial }: { stores: AppStores }) {
  // a new book is a new world: fresh stores (nothing cached from the old file), starting on Today
  // (the key remounts the tree too, so no component keeps local state from the old book)
  const [book, setBook] = useState({ stores: initial, n: 0 });
  useEffect(
    () =>
      onBookChanged(() => {
        if (typeof window !== 'undefined') window.location.hash = '#/today';
        setBook((b) => ({ stores: createAppStores(), n: b.n + 1 }));
      }),
    [],
  );
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" autoClose={3000} />
      <StoresProvider key={book.n} stores={book.stores}>
        <Root />
      </StoresProvider>
    </MantineProvider>
  );
}
