import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';

/** Aging and reports on the demo book, in English: date change, drill-down, an XLSX export, the KPIs. */
describe('aging and reports in the browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ today: '2026-11-20', browserLocale: 'en-US' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('ages the demo book, drills into a client, exports XLSX and shows the KPIs', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByText(/Demo data loaded/).waitFor({ timeout: 60_000 });

    await page.keyboard.press('g');
    await page.keyboard.press('a');
    const pen = page.getByTestId('aging-table-PEN');
    await pen.waitFor();
    await page.getByTestId('aging-table-USD').waitFor();
    await page.mouse.move(1200, 780);
    await app.shot('20-aging-summary');

    await page.getByRole('button', { name: 'Last month-end' }).click();
    await expect.poll(() => page.getByLabel('As of').inputValue()).toBe('2026-10-31');
    await pen.waitFor();
    // Mantine's segmented radios are visually hidden; the user clicks their labels
    await page
      .locator('label')
      .filter({ hasText: /^Segment$/ })
      .click();
    await page.getByTestId('aging-group').filter({ hasText: 'Corporativo' }).first().waitFor();
    await app.shot('21-aging-by-segment');
    await page
      .locator('label')
      .filter({ hasText: /^Client$/ })
      .click();

    const firstClient = pen.getByTestId('aging-group').first();
    await firstClient.waitFor();
    const clientText = (await firstClient.textContent()) ?? '';
    await firstClient.click();
    const rows = page.getByTestId('aging-detail-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('aging-filters').textContent()).toContain(clientText.slice(0, 6));
    await app.shot('22-aging-drilldown');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = await file.path();
    const bytes = fs.readFileSync(saved);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByText(/saved \(\d+ rows\)/).waitFor();

    await page.getByRole('button', { name: 'Back to summary' }).click();
    await pen.waitFor();

    await page.getByRole('link', { name: 'Reports' }).click();
    const dso = page.getByTestId('kpi-PEN-dsoSimple');
    await dso.waitFor();
    expect(await dso.textContent()).toMatch(/days/);
    await dso.hover();
    await page.getByText('AR_end / CS × days').waitFor();
    await app.shot('23-reports-kpis');
    await page.mouse.move(1200, 20);
    await page.getByText('AR_end / CS × days').waitFor({ state: 'hidden' });
    await page.getByText('Last 12 months in PEN').scrollIntoViewIfNeeded();
    await app.shot('24-reports-trend');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByTestId('backup-list').waitFor();
    await page
      .getByText(/Backup made and checked/)
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Backups' }).scrollIntoViewIfNeeded();
    await app.shot('25-settings-backups');
    await page.getByRole('heading', { name: 'Audit log' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.getByTestId('audit-table').or(page.getByText('No changes recorded yet.')).waitFor();
    await app.shot('26-settings-audit');
  });
});
