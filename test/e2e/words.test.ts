import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';

/** The browser globals used inside evaluate() (the node tsconfig has no DOM types). */
type Win = {
  innerWidth: number;
  innerHeight: number;
  document: { documentElement: { scrollWidth: number } };
  getComputedStyle(el: unknown): { overflowWrap: string };
};

/**
 * Layout and words in Spanish at 1440 px on the demo book (issue 9 items 10–15, 23): the aging table's
 * Total column in view, the chart, a 5,000-character note, the interactions tab, the audit log and the
 * shortcut list. Screenshots 40-… are looked at by a person.
 */
describe('layout and words in the browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ today: '2026-11-20', browserLocale: 'es-PE' });
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('keeps the Total column and the scrollbar of the aging table in view, and long notes inside the page', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'Cargar datos de demostración' }).click();
    await page.getByText(/Datos de demostración cargados/).waitFor({ timeout: 60_000 });

    await page.keyboard.press('g');
    await page.keyboard.press('a');
    const pen = page.getByTestId('aging-table-PEN');
    await pen.waitFor();
    await page.mouse.move(1400, 880);
    await app.shot('40-aging-chart-1440');
    await pen.scrollIntoViewIfNeeded();
    const fit = await pen.evaluate((table) => {
      const box = table.closest('.aging-summary-scroll')!.getBoundingClientRect();
      const total = table.querySelector('thead th:last-child')!.getBoundingClientRect();
      const firstTotal = table.querySelector('tbody tr td:last-child')!.getBoundingClientRect();
      return {
        boxBottom: box.bottom,
        boxRight: box.right,
        totalRight: total.right,
        cellRight: firstTotal.right,
        vh: (globalThis as unknown as Win).innerHeight,
        vw: (globalThis as unknown as Win).innerWidth,
        rows: table.querySelectorAll('tbody tr').length,
      };
    });
    expect(fit.rows).toBeGreaterThan(5);
    // the Total column is on screen, inside the box, and the box (with its horizontal bar) ends on screen
    expect(fit.totalRight).toBeLessThanOrEqual(fit.boxRight + 1);
    expect(fit.cellRight).toBeLessThanOrEqual(fit.vw);
    expect(fit.boxBottom).toBeLessThanOrEqual(fit.vh);
    await app.shot('41-aging-table-1440');

    // a 5,000-character note with no spaces on a real client
    const list = await app.core.call('clients.list', { limit: 1, offset: 0 });
    const id = list.rows[0]!.id;
    await app.core.call('clients.update', { id, notes: 'N'.repeat(5000) });
    await page.goto(`${app.server.url}#/clients/${id}`);
    await page.reload();
    const notes = page.getByTestId('client-notes');
    await notes.waitFor();
    const width = await page.evaluate(() => (globalThis as unknown as Win).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1440);
    expect(
      await notes
        .locator('.long-text')
        .first()
        .evaluate((el) => (globalThis as unknown as Win).getComputedStyle(el).overflowWrap),
    ).toBe('anywhere');
    await app.shot('42-client-long-note');

    await page.getByRole('tab', { name: 'Gestiones' }).click();
    await page.getByRole('tabpanel').getByRole('table').or(page.getByText('No hay gestiones')).first().waitFor();
    await app.shot('43-client-interactions');

    await page.keyboard.press('?');
    await page.getByTestId('shortcut-list').waitFor();
    await page.waitForTimeout(400); // the modal's fade-in
    await app.shot('44-shortcut-list');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.keyboard.press('p');
    await page.getByRole('dialog', { name: /Registrar pago/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.getByRole('heading', { name: 'Registro de cambios' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const audit = page.getByTestId('audit-table');
    await audit.waitFor();
    const text = (await audit.textContent()) ?? '';
    expect(text).not.toContain('demo.load');
    expect(text).toContain('datos de demostración cargados');
    await app.shot('45-settings-audit');
  });
});
