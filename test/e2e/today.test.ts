import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';

/** A clerk's morning in Spanish, keyboard only: complete a call with a promise, skip one, reschedule one. */
describe('the clerk’s morning on Today', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ today: '2026-11-20', browserLocale: 'es-PE' });
    const c = app.core;
    await c.call('settings.update', { name: 'Distribuidora Lima', locale: 'es-PE' });
    const client = async (code: string, name: string, dueDate: string, amount: number) => {
      const cl = await c.call('clients.create', { code, name });
      await c.call('invoices.create', { clientId: cl.id, number: `F001-${code}`, issueDate: '2026-08-01', dueDate, currency: 'PEN', amount });
      return cl;
    };
    await client('A1', 'Comercial Andina S.A.C.', '2026-11-05', 250_000); // 15 days: call
    await client('B2', 'Bodega San Martín', '2026-11-08', 80_000); // 12 days: call
    await client('C3', 'Ferretería El Sol', '2026-11-10', 40_000); // 10 days: call
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('completes, skips and reschedules with the keyboard, and the promise reaches the timeline', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    const rows = page.getByTestId('task-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    await page.getByText('quedan 3').waitFor();
    await page.mouse.move(1200, 780);
    await app.shot('30-today');

    // the largest, oldest debt comes first; j/k move the selection
    expect(await rows.first().textContent()).toContain('Comercial Andina');
    await page.keyboard.press('j');
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('k');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Atajos de teclado' }).waitFor();
    await app.shot('31-help');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Registrar el contacto con Comercial Andina/ });
    await dialog.waitFor();
    await dialog.getByLabel('Resultado').focus();
    await page.keyboard.type('Prom');
    await dialog.getByLabel(/Monto prometido/).waitFor();
    expect(await dialog.getByLabel(/Monto prometido/).inputValue()).toBe('2500.00');
    // outcome → channel → direction → the promised amount, prefilled with the overdue balance
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await dialog.getByLabel(/Monto prometido/).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await app.shot('32-complete-with-promise');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('quedan 2').waitFor();
    await page.getByText('1 hechas hoy').waitFor();
    expect(await rows.count()).toBe(2);
    expect(await page.getByTestId('timeline').count()).toBe(0);

    await page.keyboard.press('s');
    const skip = page.getByRole('dialog', { name: 'Omitir esta tarea' });
    await skip.waitFor();
    await page.keyboard.type('El cliente está de viaje');
    await app.shot('33-skip');
    await page.keyboard.press('Enter');
    await skip.waitFor({ state: 'hidden' });
    await page.getByText('quedan 1').waitFor();

    await page.keyboard.press('r');
    const move = page.getByRole('dialog', { name: 'Pasar esta tarea a otro día' });
    await move.waitFor();
    expect(await move.getByLabel('Nueva fecha').inputValue()).toBe('2026-11-21');
    await page.keyboard.press('Enter');
    await move.waitFor({ state: 'hidden' });
    await page.getByText('No queda nada para hoy').waitFor();
    await page.mouse.move(1200, 780);
    await app.shot('34-today-done');

    const andina = (await app.core.call('clients.list', { search: 'A1' })).rows[0]!;
    await page.goto(`${app.server.url}#/clients/${andina.id}`);
    await page.getByRole('tab', { name: 'Historial' }).click();
    const items = page.getByTestId('timeline-item');
    await items.first().waitFor();
    const text = (await page.getByTestId('timeline').textContent()) ?? '';
    expect(text).toContain('Promesa');
    expect(text).toContain('Llamada · Promesa de pago');
    await app.shot('35-timeline');
    const promises = await app.core.call('promises.asOf', { asOf: '2026-11-20' });
    expect(promises).toEqual([expect.objectContaining({ clientCode: 'A1', amount: 250_000, date: '2026-11-23', status: 'active' })]);
  });
});
