import { Anchor, Stack, Stepper, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ImportKind } from '#shared/domain/importFields';
import { useStores } from '../../app/stores';
import { ChooseStep } from './ChooseStep';
import { DoneStep } from './DoneStep';
import { useImportsT } from './i18n';
import type { ImportStep } from './importStore';
import { PreviewStep } from './PreviewStep';
import { RejectsStep } from './RejectsStep';

const STEPS: ImportStep[] = ['choose', 'preview', 'rejects', 'done'];

/** Import clients, invoices or payments from CSV/XLSX: file → columns → check → done. */
export function ImportWizard({ initialKind }: { initialKind: ImportKind }) {
  const { t } = useImportsT();
  const stores = useStores();
  const step = useStore(stores.imports, (s) => s.step);
  const applied = useStore(stores.imports, (s) => s.report?.applied);
  const area = initialKind === 'clients' ? 'clients' : 'invoices';

  useEffect(() => {
    // a fresh wizard on each visit: coming back later must not find "Import 5012 rows" armed from
    // last time. Only an import still being written survives, so its progress stays in view.
    const s = stores.imports.getState();
    if (s.busy !== 'running') s.reset(initialKind);
  }, [initialKind, stores.imports]);

  useEffect(() => {
    // what was imported shows up in the lists and counts without a manual refresh
    if (!applied) return;
    void stores.session.getState().refreshInfo();
    void stores.clients.getState().refresh();
    void stores.invoices.getState().refresh();
  }, [applied, stores]);

  const close = () => {
    stores.imports.getState().reset(initialKind);
    stores.router.getState().go({ area });
  };

  return (
    <Stack gap="md">
      <div>
        <Anchor component="button" size="sm" onClick={close}>
          ← {t(`ui.nav.${area}`)}
        </Anchor>
        <Title order={2}>{t('ui.imp.title')}</Title>
      </div>
      <Stepper active={STEPS.indexOf(step)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('ui.imp.step.choose')}>
          <ChooseStep />
        </Stepper.Step>
        <Stepper.Step label={t('ui.imp.step.preview')}>
          <PreviewStep />
        </Stepper.Step>
        <Stepper.Step label={t('ui.imp.step.rejects')}>
          <RejectsStep onClose={close} />
        </Stepper.Step>
        <Stepper.Step label={t('ui.imp.step.done')}>
          <DoneStep />
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
