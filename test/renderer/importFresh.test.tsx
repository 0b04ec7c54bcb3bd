import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '#shared/contract/imports';
import { fakeTransport, INFO, renderApp, SETTINGS } from './support';

const CSV = 'Código;Razón Social\nC-1;Comercial Ñandú\nC-2;Ferretería El Sol\n';

const PREVIEW: ImportPreview = {
  kind: 'clients',
  fileName: 'clientes.csv',
  format: 'csv',
  encoding: 'utf8',
  delimiter: ';',
  dateOrder: 'dmy',
  headerLine: 1,
  headers: ['Código', 'Razón Social'],
  mapping: { code: 0, name: 1 },
  counts: { rows: 2, accepted: 2, rejected: 0, created: 0, updated: 0, unchanged: 0 },
  rejects: [],
  applied: false,
  dryRun: true,
  partial: false,
  sample: [],
  review: { create: 2, update: 0, unchanged: 0, creates: [], updates: [] },
  postDated: null,
};

describe('import wizard, reopened', () => {
  it('starts at the first step with no file, not at the last step with the import armed', async () => {
    fakeTransport({
      'settings.get': () => SETTINGS,
      'system.info': () => INFO,
      'clients.list': () => ({ rows: [], total: 0 }),
      'imports.preview': () => PREVIEW,
    });
    const user = userEvent.setup();
    renderApp('#/clients/import');
    await user.upload(await screen.findByLabelText('Archivo (CSV o Excel .xlsx)'), new File([CSV], 'clientes.csv', { type: 'text/csv' }));
    await user.click(await screen.findByRole('button', { name: 'Siguiente' }));
    await screen.findByText('Cómo se leyó el archivo');
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    expect(await screen.findByRole('button', { name: 'Importar 2 filas' })).toBeInTheDocument();

    // leave through the menu, as a clerk would, and come back later
    await user.click(screen.getByRole('link', { name: 'Clientes' }));
    await waitFor(() => expect(window.location.hash).toBe('#/clients'));
    window.location.hash = '#/clients/import';
    expect(await screen.findByLabelText('Archivo (CSV o Excel .xlsx)')).toBeInTheDocument();
    expect(screen.queryByTestId('chosen-file')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Importar \d+ filas?/ })).not.toBeInTheDocument();
  });
});
