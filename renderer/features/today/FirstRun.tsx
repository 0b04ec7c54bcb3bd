import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { useStores, useT } from '../../app/stores';
import { EmptyState } from '../../components/EmptyState';

/** An empty file: offer the demo book or a first real client. */
export function FirstRun({ onCreateClient }: { onCreateClient(): void }) {
  const { t, locale } = useT();
  const stores = useStores();
  const [loading, setLoading] = useState(false);

  async function loadDemo() {
    setLoading(true);
    try {
      const result = await call('demo.load', {});
      notifications.show({ color: 'green', message: t('ui.firstRun.demoLoaded', { clients: result.clients, invoices: result.invoices }) });
      // the demo book brings company settings: keep the language on screen as the book's language,
      // so messages the core writes (KPI explanations, exports) match what the user reads
      await stores.session.getState().setLanguage(stores.session.getState().language);
      await stores.session.getState().refreshInfo();
      await stores.clients.getState().refresh();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, locale) });
    } finally {
      setLoading(false);
    }
  }

  return (
    <EmptyState
      title={t('ui.firstRun.title')}
      icon="book"
      actions={
        <>
          <Button onClick={onCreateClient}>{t('ui.firstRun.createClient')}</Button>
          <Button variant="light" loading={loading} onClick={() => void loadDemo()}>
            {t('ui.firstRun.loadDemo')}
          </Button>
        </>
      }
    >
      {t('ui.firstRun.body')}
    </EmptyState>
  );
}
