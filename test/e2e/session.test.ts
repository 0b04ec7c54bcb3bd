import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROMIUM, startApp, type RunningApp } from './support/app';

/**
 * The printed link in a real browser: its one-time key becomes an HttpOnly cookie, the address bar
 * ends on a clean URL, the page holds no secret a script could read, and no other site can frame it.
 */
describe('npm run web session in the browser', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ browserLocale: 'en-US' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('trades the link for a cookie scripts cannot read, lands on a clean URL, and cannot be framed', async () => {
    const { page, context, server } = app;
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Welcome to Cartera' }).waitFor();
    expect(page.url()).toBe(`${server.origin}/`);
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.content()).not.toContain(server.token);
    const cookies = await context.cookies(server.origin);
    expect(cookies).toEqual([expect.objectContaining({ value: server.token, httpOnly: true, sameSite: 'Strict' })]);

    // the link is spent: another browser (another user) opening it gets one sentence, no app
    const stranger = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const p = await (await stranger.newContext({ locale: 'en-US' })).newPage();
      await p.goto(server.url);
      expect(await p.locator('body').innerText()).toMatch(/already been used/);
      await p.goto(`${server.origin}/`);
      expect(await p.locator('body').innerText()).toMatch(/link printed in the terminal/);
    } finally {
      await stranger.close();
    }

    // a page embedding the app, even one of our own origin with the cookie: the browser refuses the frame
    const framer = await context.newPage();
    await framer.goto(`${server.origin}/`);
    // a string: this project's Node typings have no DOM
    await framer.evaluate("document.body.append(Object.assign(document.createElement('iframe'), { src: '/' }))");
    await framer.waitForTimeout(2000);
    const frame = framer.frames().find((f) => f !== framer.mainFrame());
    expect(frame).toBeDefined();
    const framed = await frame!.evaluate<string>("document.body ? document.body.innerText : ''").catch(() => '');
    expect(framed).not.toMatch(/Welcome to Cartera/);
    await framer.close();
  });
});
