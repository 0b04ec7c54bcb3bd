import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { startApp, type RunningApp } from './support/app';
import { ROOT } from './support/build';

/** Waits until the locator shows text matching `re` (playwright-core has no expect). */
async function waitForText(locator: Locator, re: RegExp): Promise<void> {
  await locator.filter({ hasText: re }).first().waitFor({ timeout: 15_000 });
}

describe('foundation journey in the browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ today: '2026-11-20', browserLocale: 'en-US' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('creates a client, an invoice and a payment, and the balance follows', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    // first run: English from the browser language, and an offer to start
    await page.getByRole('heading', { name: 'Welcome to Cartera' }).waitFor();
    await app.shot('01-first-run');

    await page.getByRole('button', { name: 'Create your first client' }).click();
    const clientDialog = page.getByRole('dialog', { name: 'New client' });
    await clientDialog.getByLabel('Code').fill('C-100');
    await clientDialog.getByLabel('Name').fill('Comercial Andina S.A.C.');
    await clientDialog.getByLabel('Tax id').fill('20512345678');
    await clientDialog.getByLabel('E-mail').fill('pagos@andina.pe');
    await clientDialog.getByLabel('Phone').fill('+51 1 555 0101');
    await clientDialog.getByLabel('Segment').fill('Retail');
    await clientDialog.getByLabel('Credit limit').fill('20,000');
    await app.shot('02-client-form');
    await clientDialog.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('heading', { name: 'Comercial Andina S.A.C.' }).waitFor();
    await page.getByText('No balance: nothing is owed.').waitFor();
    await app.shot('03-client-created');

    await page.getByRole('button', { name: 'New invoice' }).click();
    const invoiceDialog = page.getByRole('dialog', { name: 'New invoice' });
    await invoiceDialog.getByLabel('Number').fill('F001-1001');
    await invoiceDialog.getByLabel('Issue date').fill('2026-10-01');
    await invoiceDialog.getByLabel('Amount').fill('1,500.00');
    await app.shot('04-invoice-form');
    await invoiceDialog.getByRole('button', { name: 'Save' }).click();
    await invoiceDialog.waitFor({ state: 'hidden' });

    const open = page.getByTestId('balance-PEN').getByTestId('balance-open');
    await waitForText(open, /S\/\s1,500\.00/);
    // due 30 days after 2026-10-01 = 2026-10-31, so 20 days late on 2026-11-20
    await waitForText(page.getByTestId('invoice-row'), /Overdue/);
    await app.shot('05-invoice-created');

    await page.getByRole('button', { name: 'Record payment' }).click();
    const paymentDialog = page.getByRole('dialog', { name: 'Record payment' });
    expect(await paymentDialog.getByLabel('Date').inputValue()).toBe('2026-11-20');
    await paymentDialog.getByLabel('Amount').fill('500');
    await paymentDialog.getByLabel('Reference').fill('OP-778812');
    await app.shot('06-payment-form');
    await paymentDialog.getByRole('button', { name: 'Record payment' }).click();
    await paymentDialog.waitFor({ state: 'hidden' });

    await waitForText(open, /S\/\s1,000\.00/);
    await waitForText(page.getByTestId('payment-row'), /F001-1001/);
    await app.shot('07-payment-recorded');
    // let the English notice go before switching, so the Spanish screenshot is all Spanish
    await page.getByText('Payment recorded.').waitFor({ state: 'hidden' });

    // the same figures in Spanish (Peru): S/ and Spanish labels, and the choice is saved
    await page.getByText('ES', { exact: true }).click();
    await waitForText(open, /S\/\s1,000\.00/);
    await page.getByRole('button', { name: 'Registrar pago' }).waitFor();
    await page.mouse.move(1000, 20); // no tooltip left open over the page
    const file = await app.shot('08-client-es');
    expect((await app.core.call('settings.get', {})).locale).toBe('es-PE');
    // the README's picture is refreshed on request only: a test run must not change tracked files
    if (process.env.CARTERA_UPDATE_SCREENSHOT === '1') fs.copyFileSync(file, path.join(ROOT, 'resources', 'screenshot.png'));

    await page.getByRole('link', { name: 'Clientes' }).click();
    await waitForText(page.getByTestId('client-row'), /S\/\s1,000\.00/);
    await app.shot('09-client-list-es');
  });
});
