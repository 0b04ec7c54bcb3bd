import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { openCore, type Core } from '#core/app';
import { startWebServer, type WebServer } from '#core/http';
import { fixedClock } from '#shared/domain/dates';
import { buildRendererIfNeeded, ROOT } from './build';

export const CHROMIUM = process.env.CARTERA_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(ROOT, 'test', 'e2e', 'screenshots');

export type RunningApp = {
  core: Core;
  server: WebServer;
  context: BrowserContext;
  page: Page;
  dir: string;
  shot(name: string): Promise<string>;
  stop(): Promise<void>;
};

/**
 * The whole app as a user meets it in `npm run web`: the built renderer served by the loopback HTTP
 * transport over a fresh data file, in a real headless Chromium with a fresh profile. Core and browser
 * share one fixed date, so "today" defaults and overdue figures are the same on every run.
 * Open `server.url`: the link `npm run web` prints, whose one-time key the browser trades for its
 * session cookie (later visits of it in the same browser just land on the app).
 */
export async function startApp(opts: { today?: string; browserLocale?: string } = {}): Promise<RunningApp> {
  const today = opts.today ?? '2026-11-20';
  const staticDir = await buildRendererIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-e2e-'));
  const core = await openCore(path.join(dir, 'cartera.sqlite'), { clock: fixedClock(`${today}T12:00:00.000Z`) });
  const server = await startWebServer(core, { staticDir });
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: opts.browserLocale ?? 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // only Date is pinned; timers keep running so debounce and transitions behave normally
  await page.clock.setFixedTime(new Date(`${today}T12:00:00.000Z`));
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    core,
    server,
    context,
    page,
    dir,
    async shot(name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async stop() {
      await context.close();
      await server.close();
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
      if (problems.length) throw new Error(`browser reported errors:\n${problems.join('\n')}`);
    },
  };
}
