import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { decimalMark } from '../../app/locale';
import { saveBase64 } from '../../components/download';
import { useFiguresT } from '../clients/figuresI18n';

type Kind = 'invoices' | 'payments';
type Format = 'xlsx' | 'csv';

/** With no period chosen on screen, the export holds the whole book. */
const ALL = { from: '1900-01-01', to: '9999-12-31' };

/**
 * Invoices and payments from the Invoices screen, made by the same core operation as `cartera export`
 * (exports.list) over the period the screen's "issued from/to" filter shows; the page saves the bytes
 * (a download in the browser, a save dialog in the app). CSV in the locale's dialect (`;` and decimal
 * comma in Spanish) so it opens in columns in the user's spreadsheet.
 */
export function InvoicesExport({ from, to }: { from: string | undefined; to: string | undefined }) {
  const { t, locale } = useFiguresT();
  const [busy, setBusy] = useState(false);
  const decimal = decimalMark(locale);

  async function run(kind: Kind, format: Format) {
    setBusy(true);
    const csv =
      format === 'csv' ? (decimal === ',' ? { delimiter: ';' as const, decimal: ',' as const } : { delimiter: ',' as const, decimal: '.' as const }) : {};
    try {
      const file = await call('exports.list', { kind, from: from || ALL.from, to: to || ALL.to, format, ...csv });
      saveBase64(file);
      notifications.show({ color: 'green', message: file.fileName });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, locale) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={busy} loaderProps={{ type: 'dots' }}>
          {t('ui.fig.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(['invoices', 'payments'] as const).map((kind) => (
          <Menu.Item key={kind} onClick={() => void run(kind, 'xlsx')}>
            {t(kind === 'invoices' ? 'ui.fig.exportInvoices' : 'ui.fig.exportPayments', { format: 'Excel' })}
          </Menu.Item>
        ))}
        {(['invoices', 'payments'] as const).map((kind) => (
          <Menu.Item key={`${kind}-csv`} onClick={() => void run(kind, 'csv')}>
            {t(kind === 'invoices' ? 'ui.fig.exportInvoices' : 'ui.fig.exportPayments', { format: 'CSV' })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
