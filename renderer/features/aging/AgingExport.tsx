import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { decimalMark } from '../../app/locale';
import { saveBase64 } from '../../components/download';
import type { AgingQuery, DrillFilter } from './agingStore';
import { useAgingT } from './i18n';

type Format = 'xlsx' | 'csv;' | 'csv,' | 'pdf';

/**
 * The core makes the file (same figures as the screen, in the company's language); the page only saves
 * the bytes. In a drill-down the export carries its filters and, for CSV, the invoice detail.
 */
export function AgingExport({ query, drill }: { query: AgingQuery; drill: DrillFilter | null }) {
  const { t, locale } = useAgingT();
  const [busy, setBusy] = useState<Format | null>(null);
  const semicolonDecimal = decimalMark(locale);

  async function run(format: Format) {
    setBusy(format);
    const filters = drill ? { currency: drill.currency, clientCode: drill.clientCode, segment: drill.segment, bucket: drill.bucket } : {};
    const csv =
      format === 'csv;' ? { delimiter: ';' as const, decimal: semicolonDecimal } : format === 'csv,' ? { delimiter: ',' as const, decimal: '.' as const } : {};
    try {
      const file = await call('exports.aging', {
        ...query,
        ...filters,
        ...csv,
        format: format.startsWith('csv') ? 'csv' : (format as 'xlsx' | 'pdf'),
        view: drill ? 'detail' : 'summary',
      });
      saveBase64(file);
      notifications.show({ color: 'green', message: t('ui.agingv.exported', { file: file.fileName, rows: file.rows }) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, locale) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" loading={busy !== null} loaderProps={{ type: 'dots' }} aria-label={busy ? t('ui.agingv.exporting') : undefined}>
          {t('ui.agingv.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run('xlsx')}>{t('ui.agingv.exportXlsx')}</Menu.Item>
        <Menu.Item onClick={() => void run('csv;')}>{t('ui.agingv.exportCsvSemicolon', { decimal: semicolonDecimal })}</Menu.Item>
        <Menu.Item onClick={() => void run('csv,')}>{t('ui.agingv.exportCsvComma')}</Menu.Item>
        <Menu.Item onClick={() => void run('pdf')}>{t('ui.agingv.exportPdf')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
