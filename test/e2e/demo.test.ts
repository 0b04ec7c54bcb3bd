import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';

/** The first-run offer in Spanish: load the demo book, then look at the screens a clerk starts from. */
describe('demo book in the browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ today: '2026-11-20', browserLocale: 'es-PE' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('loads demo data from the empty state and shows clients, a client and aging', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'Cargar datos de demostración' }).click();
    await page.getByText(/Datos de demostración cargados/).waitFor({ timeout: 60_000 });
    await app.shot('10-demo-today');

    await page.keyboard.press('g');
    await page.keyboard.press('c');
    const rows = page.getByTestId('client-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    await app.shot('11-demo-clients');

    await page.getByRole('searchbox').fill('a');
    await rows.first().waitFor();
    await rows.first().click();
    await page.getByRole('tab', { name: /Facturas/ }).waitFor();
    await app.shot('12-demo-client');

    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await page.getByRole('columnheader', { name: 'Por vencer' }).first().waitFor();
    await app.shot('13-demo-aging');

    await page.getByRole('link', { name: 'Planes' }).click();
    await page.getByText('Próximamente').waitFor();
    await page.getByRole('link', { name: 'Ajustes' }).click();
    await page.getByLabel('Razón social').waitFor();
    await page.mouse.move(1000, 20);
    await app.shot('14-settings');
  });
});
