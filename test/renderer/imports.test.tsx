import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '#shared/contract/imports';
import { fakeTransport, INFO, renderApp, SETTINGS } from './support';

const CSV = 'Código;Razón Social;RUC;Segmento\nC-1;Comercial Ñandú;20512345678;Retail\nC 2;Mala;1;\nC-3;Ferretería El Sol;20600000001;Mayorista\n';

function preview(mapping: Record<string, number> = { code: 0, name: 1, tax_id: 2, segment: 3 }): ImportPreview {
  return {
    kind: 'clients',
    fileName: 'clientes.csv',
    format: 'csv',
    encoding: 'utf8',
    delimiter: ';',
    dateOrder: 'dmy',
    headerLine: 1,
    headers: ['Código', 'Razón Social', 'RUC', 'Segmento'],
    mapping,
    counts: { rows: 3, accepted: 2, rejected: 1, created: 0, updated: 0, unchanged: 0 },
    rejects: [{ line: 3, reason: 'bad_code', message: 'El código "C 2" no puede contener espacios.', raw: ['C 2', 'Mala', '1', ''] }],
    applied: false,
    dryRun: true,
    partial: false,
    review: { create: 2, update: 0, unchanged: 0, creates: [], updates: [] },
    postDated: null,
    sample: [
      { line: 2, values: { code: 'C-1', name: 'Comercial Ñandú', taxId: '20512345678', segment: 'Retail' }, reject: null },
      { line: 3, values: { code: 'C 2', name: 'Mala', tax_id: '1', segment: '' }, reject: 'El código "C 2" no puede contener espacios.' },
      { line: 4, values: { code: 'C-3', name: 'Ferretería El Sol', taxId: '20600000001', segment: 'Mayorista' }, reject: null },
    ],
  };
}

function fakes(overrides: Record<string, (i: Record<string, unknown>) => unknown> = {}) {
  return fakeTransport({
    'settings.get': () => SETTINGS,
    'system.info': () => INFO,
    'clients.list': () => ({ rows: [], total: 0 }),
    'invoices.list': () => ({ rows: [], total: 0 }),
    'imports.preview': (input) => {
      const m = (input.options as { mapping?: Record<string, number | null> } | undefined)?.mapping;
      if (!m) return preview();
      const clean = Object.fromEntries(Object.entries(m).filter(([, c]) => c !== null)) as Record<string, number>;
      return preview(clean);
    },
    'imports.run': (input) => ({
      ...preview(),
      applied: true,
      dryRun: false,
      partial: input.partial,
      counts: { rows: 3, accepted: 2, rejected: 1, created: 2, updated: 0, unchanged: 0 },
    }),
    ...overrides,
  });
}

/** jsdom's Blob has no text(); FileReader it has. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(blob);
  });
}

async function chooseFile(text = CSV) {
  const user = userEvent.setup();
  renderApp('#/clients/import');
  const input = await screen.findByLabelText('Archivo (CSV o Excel .xlsx)');
  await user.upload(input, new File([text], 'clientes.csv', { type: 'text/csv' }));
  await screen.findByTestId('chosen-file');
  return user;
}

describe('import wizard', () => {
  it('sends the file as base64, shows the reading and mapping, and re-previews when a column is changed', async () => {
    const api = fakes();
    const user = await chooseFile();
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    await screen.findByText('Cómo se leyó el archivo');
    const first = api.callsOf('imports.preview')[0]!;
    expect(first).toMatchObject({ kind: 'clients', fileName: 'clientes.csv' });
    expect(new TextDecoder().decode(Uint8Array.from(atob(String(first.dataBase64)), (c) => c.charCodeAt(0)))).toBe(CSV);
    expect(screen.getByLabelText('Separador')).toHaveDisplayValue('Detectar (Punto y coma ;)');
    expect(screen.getByTestId('import-counts')).toHaveTextContent('3 filas: 2 correctas, 1 rechazada');
    // the sample shows the rejected row with its reason, in text (not only in red)
    const rows = screen.getAllByTestId('sample-row');
    expect(rows[1]).toHaveTextContent('no puede contener espacios');

    // segment moves to column C (RUC): the whole mapping is sent, the field that had column C is left out
    await user.selectOptions(screen.getByLabelText('Segmento'), 'C · RUC');
    await waitFor(() => expect(api.callsOf('imports.preview')).toHaveLength(2));
    expect(api.callsOf('imports.preview')[1]!.options).toMatchObject({
      encoding: 'auto',
      delimiter: 'auto',
      dateFormat: 'auto',
      mapping: { code: 0, name: 1, tax_id: null, segment: 2, email: null },
    });
    await waitFor(() => expect(screen.getByLabelText('RUC / NIT / RFC')).toHaveDisplayValue('— no está en el archivo —'));

    // a reading override re-reads the same bytes too
    await user.selectOptions(screen.getByLabelText('Fechas'), 'mdy');
    await waitFor(() => expect(api.callsOf('imports.preview')).toHaveLength(3));
    expect(api.callsOf('imports.preview')[2]!.options).toMatchObject({ dateFormat: 'mdy' });
  });

  it('shows the rejected rows, saves them as CSV, and imports only the good rows when chosen', async () => {
    const createObjectURL = vi.fn((_: Blob) => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const api = fakes();
    const user = await chooseFile();
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    await screen.findByText('Cómo se leyó el archivo');
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));

    const rejects = await screen.findAllByTestId('reject-row');
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toHaveTextContent('3');
    expect(rejects[0]).toHaveTextContent('El código "C 2" no puede contener espacios.');
    await user.click(screen.getByRole('button', { name: 'Guardar como CSV' }));
    const csv = await blobText(createObjectURL.mock.calls[0]![0]);
    // in the user's dialect (issue 9, item 19): ';', translated headers and reasons
    expect(csv).toContain('Línea;Motivo;Mensaje;Código;Razón Social;RUC;Segmento');
    expect(csv).toContain('3;Código no válido;');

    // the safe choice is the default: nothing is imported
    expect(screen.getByRole('radio', { name: /No importar nada/ })).toBeChecked();
    expect(screen.queryByRole('button', { name: /Importar 2 filas/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Importar ahora solo las 2 filas correctas' }));
    await user.click(screen.getByRole('button', { name: 'Importar 2 filas' }));
    await screen.findByText('Importación terminada');
    expect(api.callsOf('imports.run')).toHaveLength(1);
    expect(api.callsOf('imports.run')[0]).toMatchObject({ kind: 'clients', partial: true, dryRun: false });
    expect(within(screen.getByTestId('count-created')).getByText('2')).toBeInTheDocument();
    expect(within(screen.getByTestId('count-rejected')).getByText('1')).toBeInTheDocument();
  });

  it('says clearly why a file cannot be read, and stays on the first step', async () => {
    fakes({
      'imports.preview': () => {
        throw { code: 'validation', key: 'import.error.binary', params: {}, message: 'x' };
      },
    });
    const user = await chooseFile('\u0000\u0001PK');
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/no parece un archivo CSV ni Excel/i);
    expect(screen.getByLabelText('Archivo (CSV o Excel .xlsx)')).toBeInTheDocument();
  });

  // issue 16: the wizard asks instead of guessing, then shows how amounts were read
  it('asks for the decimal mark when the file cannot settle it, and shows the reading in the review', async () => {
    const api = fakes({
      'imports.preview': (input) => {
        const decimal = (input.options as { decimal?: string } | undefined)?.decimal;
        if (decimal !== ',') {
          throw { code: 'validation', key: 'import.error.decimal_unknown', params: { field: 'Límite de crédito', a: '1.500', b: '' }, message: 'x' };
        }
        return { ...preview(), decimals: { credit_limit: { decimal: ',', basis: 'option', example: '1.500', readAs: '1500' } } };
      },
    });
    const user = await chooseFile();
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No se puede saber cómo escriben los decimales los importes de la columna "Límite de crédito": "1.500"');
    expect(screen.getByText('¿Cómo escribe los importes este archivo?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Coma decimal (1.234,56)' }));
    await screen.findByText('Cómo se leyó el archivo');
    expect(api.callsOf('imports.preview').at(-1)!.options).toMatchObject({ decimal: ',' });
    expect(screen.getByTestId('amount-reading')).toHaveTextContent('Importes leídos con coma decimal: 1.500 → 1500 (su elección)');
    expect(screen.getByLabelText('Importes')).toHaveDisplayValue('Coma decimal');
  });

  it('the review step shows what will be created, updated (before → after) and left unchanged, before importing', async () => {
    const review = {
      create: 1,
      update: 1,
      unchanged: 0,
      creates: [{ line: 4, key: 'C-3', label: 'Ferretería El Sol', changes: [] }],
      updates: [{ line: 2, key: 'C-1', label: 'Comercial Andina', changes: [{ field: 'name', before: 'Comercial Andina', after: 'Comercial Ñandú' }] }],
    };
    const api = fakes({ 'imports.preview': () => ({ ...preview(), review }) });
    const user = await chooseFile();
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    await screen.findByText('Cómo se leyó el archivo');
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    const panel = within(await screen.findByTestId('import-review'));
    expect(panel.getByTestId('import-review-summary')).toHaveTextContent('Crear 1 · actualizar 1 · sin cambios 0');
    expect(panel.getByTestId('review-change')).toHaveTextContent('Razón social: Comercial Andina → Comercial Ñandú');
    expect(panel.getByText('Ferretería El Sol')).toBeInTheDocument();
    // nothing was written to show it
    expect(api.callsOf('imports.run')).toHaveLength(0);
  });
});
