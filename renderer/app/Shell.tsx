import { AppShell, Group, Kbd, NavLink, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import type { Language } from '#shared/i18n/index';
import { errorMessage } from '../api/client';
import { Icon } from '../components/Icon';
import { AgingPage } from '../features/aging/AgingPage';
import { ClientDetailPage } from '../features/clients/ClientDetailPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { ImportWizard } from '../features/imports/ImportWizard';
import { InvoicesPage } from '../features/invoices/InvoicesPage';
import { ComingSoon } from '../features/placeholder/ComingSoon';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TodayPage } from '../features/today/TodayPage';
import { BookBanners } from './BookBanners';
import { AREAS, type Area, type Route } from './router';
import { ShortcutHelp } from './ShortcutHelp';
import { SHORTCUTS, useNavigationShortcuts } from './shortcuts';
import { useRouter, useSession, useStores, useT } from './stores';

function Page({ route }: { route: Route }) {
  switch (route.area) {
    case 'today':
      return <TodayPage />;
    case 'clients':
      if (route.view === 'import') return <ImportWizard initialKind="clients" />;
      return route.clientId ? <ClientDetailPage clientId={route.clientId} /> : <ClientsPage />;
    case 'invoices':
      return route.view === 'import' ? <ImportWizard initialKind="invoices" /> : <InvoicesPage />;
    case 'aging':
      return <AgingPage />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <ComingSoon area={route.area} />;
  }
}

function LanguageSwitch() {
  const { t, locale } = useT();
  const stores = useStores();
  const language = useSession((s) => s.language);
  const change = (value: string) =>
    stores.session
      .getState()
      .setLanguage(value as Language)
      .catch((e: unknown) => notifications.show({ color: 'red', message: errorMessage(e, locale) }));
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('ui.settings.language')}
      value={language}
      onChange={(v) => void change(v)}
      data={[
        { value: 'es', label: 'ES' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

export function Shell() {
  const { t } = useT();
  const stores = useStores();
  const route = useRouter((s) => s.route);
  const company = useSession((s) => s.settings?.name);
  const go = useCallback((area: Area) => stores.router.getState().go({ area }), [stores.router]);
  useNavigationShortcuts(go);

  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 184, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="xs">
            <Text fw={800} c="teal.8">
              Cartera
            </Text>
            {company && (
              <Text c="dimmed" size="sm">
                · {company}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <ShortcutHelp />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('ui.nav.label')}>
        {AREAS.map((area) => (
          <Tooltip
            key={area}
            position="right"
            openDelay={400}
            label={
              <span>
                {t('ui.nav.shortcut')} <Kbd size="xs">G</Kbd> <Kbd size="xs">{SHORTCUTS[area].toUpperCase()}</Kbd>
              </span>
            }
          >
            <NavLink
              href={`#/${area}`}
              label={t(`ui.nav.${area}`)}
              leftSection={<Icon name={area} />}
              active={route.area === area}
              aria-current={route.area === area ? 'page' : undefined}
              aria-keyshortcuts={`g ${SHORTCUTS[area]}`}
              onClick={(e) => {
                e.preventDefault();
                go(area);
              }}
            />
          </Tooltip>
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <BookBanners />
        <Page route={route} />
      </AppShell.Main>
    </AppShell>
  );
}
