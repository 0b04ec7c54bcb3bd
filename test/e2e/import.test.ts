import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';

/** A client list as a Peruvian company exports it from Excel: Windows-1252, ";", decimal comma, one bad row. */
const CLIENTS = [
  'Código;Razón Social;RUC;Correo;Teléfono;Segmento;Límite de crédito;Plazo',
  'C-001;Comercial Ñandú S.A.C.;20512345678;pagos@nandu.pe;01 555 0101;Mayorista;"15.000,00";30',
  'C-002;Ferretería El Sol E.I.R.L.;20600000001;;999 888 777;Minorista;"2.500,50";45',
  'C 003;Inversiones Peña;20111111111;no-es-correo;;Minorista;;30',
  'C-004;Distribuidora Muñoz;20222222222;cobranza@munoz.pe;;Mayorista;;60',
].join('\r\n');

const INVOICES = [
  'Cliente;Serie;Número;Fecha de emisión;Vencimiento;Moneda;Importe;Concepto',
  'C-001;F001;00012;15/09/2026;15/10/2026;PEN;"1.234,56";Mercadería septiembre',
  'C-001;F001;00013;01/11/2026;01/12/2026;USD;"980,00";Importación',
  'C-002;F002;00101;20/10/2026;04/11/2026;PEN;"350,00";Herramientas',
].join('\r\n');

describe('import wizard in the browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ today: '2026-11-20', browserLocale: 'es-PE' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('imports a Spanish client list with a bad row: report, save as CSV, then only the good rows', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByRole('link', { name: 'Clientes' }).click();
    await page.getByRole('button', { name: 'Importar' }).click();
    await page.getByRole('heading', { name: 'Importar desde una hoja de cálculo' }).waitFor();
    await page.locator('#imp-file').setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: iconv.encode(CLIENTS, 'win1252') });
    await page.getByTestId('chosen-file').waitFor();
    await app.shot('20-import-file');
    await page.getByRole('button', { name: 'Siguiente' }).click();

    await page.getByText('Cómo se leyó el archivo').waitFor();
    expect(await page.getByLabel('Codificación').inputValue()).toBe('auto');
    expect(await page.getByLabel('Codificación').locator('option:checked').textContent()).toBe('Detectar (Windows (ANSI))');
    expect(await page.getByLabel('Separador').locator('option:checked').textContent()).toBe('Detectar (Punto y coma ;)');
    expect(await page.getByTestId('import-counts').textContent()).toBe('4 filas: 3 correctas, 1 rechazada');
    // accents and ñ read right, decimal comma understood
    await page.getByRole('cell', { name: 'Comercial Ñandú S.A.C.' }).waitFor();
    await page.getByRole('cell', { name: 'S/ 15,000.00' }).waitFor();
    await app.shot('21-import-preview');

    await page.getByRole('button', { name: 'Siguiente' }).click();
    const rejects = page.getByTestId('reject-row');
    await rejects.first().waitFor();
    expect(await rejects.count()).toBe(1);
    expect(await rejects.first().textContent()).toMatch(/^4.*C 003/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Guardar como CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('clientes-rechazos.csv');
    const saved = fs.readFileSync(await download.path(), 'utf8');
    expect(saved).toContain('Línea;Motivo;Mensaje;Código;Razón Social');
    expect(saved).toContain('Inversiones Peña');

    await page.getByRole('radio', { name: 'Importar ahora solo las 3 filas correctas' }).check();
    await page.mouse.move(0, 0);
    await app.shot('22-import-rejects');
    await page.getByRole('button', { name: 'Importar 3 filas' }).click();
    await page.getByText('Importación terminada').waitFor();
    expect(await page.getByTestId('count-created').textContent()).toContain('3');
    expect(await page.getByTestId('count-rejected').textContent()).toContain('1');
    await app.shot('23-import-done');

    await page.getByRole('button', { name: 'Ver los clientes' }).click();
    const rows = page.getByTestId('client-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    await page.getByRole('button', { name: 'C-001 Comercial Ñandú S.A.C.' }).waitFor();
    expect(await page.getByRole('button', { name: /C 003/ }).count()).toBe(0);
    await app.shot('24-import-clients');
  });

  it('imports invoices and lists them in the invoices area, filtered and opened to the client', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Facturas' }).click();
    await page.getByRole('button', { name: 'Importar' }).first().click();
    await page.getByRole('heading', { name: 'Importar desde una hoja de cálculo' }).waitFor();
    // opened from Invoices, the wizard starts on invoices
    expect(await page.getByRole('radio', { name: 'Facturas' }).isChecked()).toBe(true);
    await page.locator('#imp-file').setInputFiles({ name: 'facturas.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${INVOICES}`, 'utf8') });
    await page.getByTestId('chosen-file').waitFor();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.getByTestId('import-counts').filter({ hasText: '3 filas: 3 correctas, 0 rechazadas' }).waitFor();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.getByRole('button', { name: 'Importar 3 filas' }).click();
    await page.getByText('Importación terminada').waitFor();
    await page.getByRole('button', { name: 'Ver las facturas' }).click();

    const rows = page.getByTestId('all-invoice-row');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    await page.getByLabel('Estado').selectOption('overdue');
    await page.getByText('2 facturas').waitFor();
    expect(await rows.count()).toBe(2);
    await page.getByLabel('Estado').selectOption('');
    await page.getByText('3 facturas').waitFor();
    await page.mouse.move(0, 0);
    await app.shot('25-invoices-area');
    await page.getByRole('link', { name: /Abrir F001-00012/ }).click();
    await page.getByRole('heading', { name: 'Comercial Ñandú S.A.C.' }).waitFor();
    await app.shot('26-client-after-import');
  });
});
