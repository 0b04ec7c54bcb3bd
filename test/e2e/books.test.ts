import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { openBooksHost, type BooksHost } from '#core/books/host';
import { startWebServer, type WebServer } from '#core/http';
import { fixedClock } from '#shared/domain/dates';
import { CHROMIUM, SCREENSHOT_DIR } from './support/app';
import { buildRendererIfNeeded } from './support/build';

/**
 * Books in the browser (`npm run web`): a book with demo-like data, then Settings → Books → a new,
 * empty book, then back to the first from the recent list. Uses the books host, as web.mjs does.
 */
describe('books journey in the browser', () => {
  let dir: string;
  let host: BooksHost;
  let server: WebServer;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const staticDir = await buildRendererIfNeeded();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-e2e-books-'));
    host = await openBooksHost(path.join(dir, 'demo.sqlite'), {
      clock: fixedClock('2026-11-20T12:00:00.000Z'),
      fallbackLocale: 'en',
      stateDir: path.join(dir, 'state'),
    });
    await host.dispatch('clients.create', { code: 'DEMO-1', name: 'Demo Trading S.A.C.' });
    server = await startWebServer(host, { staticDir });
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      locale: 'en-US',
      timezoneId: 'UTC',
      viewport: { width: 1280, height: 800 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => errors.push(e.message));
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    await host?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates a new empty book from Settings, then reopens the first from the recent list', async () => {
    await page.goto(`${server.url}#/clients`);
    await page.getByText('Demo Trading S.A.C.').first().waitFor();

    await page.goto(`${server.url}#/settings`);
    const books = page.getByRole('region', { name: 'Books' });
    await books.getByTestId('book-current').filter({ hasText: 'demo.sqlite' }).waitFor();
    const newBook = path.join(dir, 'Andina SAC');
    await books.getByLabel('Book file').fill(newBook);
    await books.screenshot({ path: path.join(SCREENSHOT_DIR, 'books-00-settings.png') });
    await books.getByRole('button', { name: 'Create a new book' }).click();

    // a new book is empty: the first-run page, and no client from the other book
    await page.getByRole('heading', { name: 'Welcome to Cartera' }).waitFor();
    expect(page.url()).toMatch(/#\/today$/);
    expect(fs.existsSync(`${newBook}.sqlite`)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'books-01-new-book.png') });
    await page.goto(`${server.url}#/clients`);
    await page.getByRole('heading', { name: 'Clients' }).first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByText('Demo Trading S.A.C.').count()).toBe(0);

    await page.goto(`${server.url}#/settings`);
    const recent = page.getByRole('table', { name: 'Recent books' });
    await recent.getByRole('button', { name: 'Open demo' }).click();
    await page.waitForURL(/#\/today$/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'books-02-reopened.png') });
    await page.goto(`${server.url}#/clients`);
    await page.getByText('Demo Trading S.A.C.').first().waitFor();
    expect(host.file).toBe(path.join(dir, 'demo.sqlite'));
    expect(errors).toEqual([]);
  });
});
