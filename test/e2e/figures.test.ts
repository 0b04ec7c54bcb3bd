import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app';

/** Three files as a Peruvian company exports them from Excel: Windows-1252, ";", decimal comma, day-first dates. */
const CLIENTS = [
  'Código;Razón Social;RUC;Segmento;Plazo',
  'C-001;Comercial Ñandú S.A.C.;20512345678;Mayorista;30',
  'C-002;Ferretería El Sol E.I.R.L.;20600000001;Minorista;15',
  'C-003;Distribuidora Muñoz;20222222222;Mayorista;60',
].join('\r\n');

const INVOICES = [
  'Cliente;Serie;Número;Fecha de emisión;Vencimiento;Moneda;Importe;Concepto',
  'C-001;F001;00012;15/09/2026;15/10/2026;PEN;"1.234,56";Mercadería septiembre',
  'C-001;F001;00014;01/10/2026;31/10/2026;PEN;"2.000,00";Mercadería octubre',
  'C-002;F002;00101;20/10/2026;04/11/2026;PEN;"350,00";Herramientas',
].join('\r\n');

// one payment made, two deferred cheques (dated after "today", 2026-11-20)
const PAYMENTS = [
  'Código cliente;Nro Factura;Fecha de pago;Importe;Moneda;Medio de pago;Operación',
  'C-001;;05/11/2026;"500,00";PEN;Transferencia;OP-1',
  'C-001;;15/12/2026;"1.000,00";PEN;Cheque;CH-1',
  'C-002;F002-00101;10/01/2027;"350,00";PEN;Cheque;CH-2',
].join('\r\n');

async function importFile(app: RunningApp, kind: 'Clientes' | 'Facturas' | 'Pagos', name: string, text: string, rows: number, shot?: string) {
  const { page } = app;
  // Mantine's segmented radios are visually hidden; the user clicks their labels
  await page
    .locator('label')
    .filter({ hasText: new RegExp(`^${kind}$`) })
    .click();
  await page.locator('#imp-file').setInputFiles({ name, mimeType: 'text/csv', buffer: iconv.encode(text, 'win1252') });
  await page.getByTestId('chosen-file').waitFor();
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await page
    .getByTestId('import-counts')
    .filter({ hasText: `${rows} filas: ${rows} correctas, 0 rechazadas` })
    .waitFor();
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await page.getByTestId('import-review').waitFor();
  if (shot) await app.shot(shot);
  await page.getByRole('button', { name: `Importar ${rows} filas` }).click();
  await page.getByText('Importación terminada').waitFor();
}

/** Intl puts a no-break space between the symbol and the figure. */
const flat = (s: string | null) => (s ?? '').replace(/\s/g, ' ');

const agingTotalOf = (page: Page, code: string) =>
  page.getByTestId('aging-table-PEN').locator('tbody tr', { hasText: code }).locator('td').last().textContent();

describe('figures agree across screens, in Spanish', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ today: '2026-11-20', browserLocale: 'es-PE' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('imports three Spanish files; Aging and Reports update without a reload; the client page agrees with Aging', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    // open Aging and Reports first, on an empty book
    await page.getByRole('link', { name: 'Antigüedad' }).click();
    await page.getByText('No hay deuda a esta fecha').waitFor();
    await page.getByRole('link', { name: 'Reportes' }).click();
    await page.getByText('No hay cifras para este periodo').waitFor();

    await page.getByRole('link', { name: 'Clientes' }).click();
    await page.getByRole('button', { name: 'Importar' }).click();
    await page.getByRole('heading', { name: 'Importar desde una hoja de cálculo' }).waitFor();
    await importFile(app, 'Clientes', 'clientes.csv', CLIENTS, 3);
    await page.getByRole('button', { name: 'Importar otro archivo' }).click();
    await importFile(app, 'Facturas', 'ventas.csv', INVOICES, 3);
    await page.getByRole('button', { name: 'Importar otro archivo' }).click();
    // the review warns about the deferred cheques before anything is written
    await page
      .locator('label')
      .filter({ hasText: /^Pagos$/ })
      .click();
    await page.locator('#imp-file').setInputFiles({ name: 'cobros.csv', mimeType: 'text/csv', buffer: iconv.encode(PAYMENTS, 'win1252') });
    await page.getByTestId('chosen-file').waitFor();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.getByTestId('import-counts').filter({ hasText: '3 filas: 3 correctas, 0 rechazadas' }).waitFor();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    const warning = page.getByTestId('import-postdated');
    expect(await warning.textContent()).toContain('2 pagos tienen fecha posterior a hoy (15/12/2026 – 10/01/2027)');
    await page.mouse.move(0, 0);
    await app.shot('60-import-postdated-review');
    await page.getByRole('button', { name: 'Importar 3 filas' }).click();
    await page.getByText('Importación terminada').waitFor();

    // no reload: the views opened before the import show the new figures
    await page.getByRole('link', { name: 'Antigüedad' }).click();
    await page.getByTestId('aging-table-PEN').waitFor();
    // C-001 owes 1,234.56 + 2,000.00 − 500.00 today; the cheque of 15/12 does not count yet
    const agingC001 = await agingTotalOf(page, 'C-001');
    expect(agingC001).toBe('2,734.56');
    expect(await agingTotalOf(page, 'C-002')).toBe('350.00');
    await page.mouse.move(0, 0);
    await app.shot('61-aging-after-import');
    await page.getByRole('link', { name: 'Reportes' }).click();
    await expect.poll(() => page.getByText('No hay cifras para este periodo').count()).toBe(0);
    await page.getByTestId('kpi-PEN-dsoSimple').waitFor();
    await app.shot('62-reports-after-import');

    await page.getByRole('link', { name: 'Clientes' }).click();
    await page.getByRole('button', { name: 'C-001 Comercial Ñandú S.A.C.' }).click();
    await page.getByRole('heading', { name: 'Comercial Ñandú S.A.C.' }).waitFor();
    const card = page.getByTestId('balance-PEN');
    // the same figure as Aging as of today
    expect(flat(await card.getByTestId('balance-open').textContent())).toBe(`S/ ${agingC001}`);
    expect(flat(await card.getByTestId('balance-postdated').textContent())).toBe('Posfechado: S/ 1,000.00 el 15/12/2026');
    // its invoices add up to the same: the cheque was applied oldest first but is not subtracted before 15/12
    const notes = (await page.getByTestId('invoice-postdated').allTextContents()).map(flat);
    expect(notes).toEqual(['posfechado: S/ 265.44', 'posfechado: S/ 734.56']);
    await page.mouse.move(0, 0);
    await app.shot('63-client-postdated');
  });
});
