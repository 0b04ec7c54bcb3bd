import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '#core/http';
import { MAX_BODY_BYTES } from '#core/web/body';
import { freshCore } from '../support/core';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request on its own connection, as any other local process could send it. */
function request(server: WebServer, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        agent: false,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        headers: { host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (server: WebServer, method: string, headers: Record<string, string>, body: string | Buffer = '{}') =>
  request(server, { method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', ...headers }, body });

const SECRET_CLIENT = 'Distribuidora Confidencial S.A.C.';

describe('npm run web: only the launching user gets in', () => {
  let core: Awaited<ReturnType<typeof freshCore>>;
  let server: WebServer;
  let staticDir: string;
  let key: string;

  beforeAll(async () => {
    core = await freshCore();
    await core.call('clients.create', { code: 'S1', name: SECRET_CLIENT, paymentTermsDays: 30 });
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-web-'));
    staticDir = path.join(parent, 'renderer');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>app</body></html>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app")');
    // a sibling whose name begins with the root's: a plain startsWith check let it through
    fs.mkdirSync(path.join(parent, 'renderer-private'));
    fs.writeFileSync(path.join(parent, 'renderer-private', 'x'), 'PRIVATE SIBLING FILE');
    server = await startWebServer(core, { staticDir });
    key = new URL(server.url).searchParams.get('key') ?? '';
  });
  afterAll(async () => {
    await server?.close();
    await core?.close();
  });

  function expectNothingOfTheBook(r: Reply) {
    expect(r.body).not.toContain(server.token);
    expect(r.body).not.toContain(SECRET_CLIENT);
    expect(r.body).not.toContain('cartera-transport');
    expect(r.headers['set-cookie']).toBeUndefined();
  }

  it('prints a URL on 127.0.0.1 carrying a long random one-time key, not the session token', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(server.url).not.toContain(server.token);
  });

  it('a plain GET / (no key, no cookie) gets a sentence saying where the link is, and no token or page', async () => {
    const r = await request(server, { headers: { 'accept-language': 'es-PE,es;q=0.9' } });
    expect(r.status).toBe(401);
    expectNothingOfTheBook(r);
    expect(r.body).toContain('npm run web');
    expect(r.body).toContain('terminal');
    for (const p of ['/index.html', '/assets/app.js', '/clients', '/?token=x']) expectNothingOfTheBook(await request(server, { path: p }));
    expect((await request(server, { path: '/assets/app.js' })).body).not.toContain('console.log');
  });

  it('a guessed key gets nothing', async () => {
    for (const guess of ['', 'x', key.slice(0, -1), `${key}x`, 'A'.repeat(key.length)]) {
      const r = await request(server, { path: `/?key=${encodeURIComponent(guess)}` });
      expect(r.status, guess).toBe(403);
      expectNothingOfTheBook(r);
    }
  });

  it('an API call without the cookie gets nothing', async () => {
    for (const headers of [
      {},
      { cookie: `cartera_session_${server.port}=wrong` },
      { cookie: `cartera_session_${server.port + 1}=${server.token}` },
      { 'x-cartera-token': 'wrong' },
    ] as Record<string, string>[]) {
      const r = await api(server, 'clients.list', headers);
      expect(r.status).toBe(401);
      expectNothingOfTheBook(r);
    }
  });

  it('the right key, once: an HttpOnly SameSite=Strict cookie and a redirect to a clean URL; then the key is spent', async () => {
    const peek = await request(server, { method: 'HEAD', path: `/?key=${key}` }); // a link preview does not spend it
    expect(peek.status).toBe(401);
    expect(peek.headers['set-cookie']).toBeUndefined();
    const first = await request(server, { path: `/?key=${key}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.body).not.toContain(server.token);
    const setCookie = first.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    expect(cookie).toBe(`cartera_session_${server.port}=${server.token}`);

    // a second process presenting the same (now used) key gets nothing
    const again = await request(server, { path: `/?key=${key}` });
    expect(again.status).toBe(403);
    expectNothingOfTheBook(again);
    expect(again.body).toMatch(/already been used|ya se usó/);

    // the browser that holds the cookie: the app page (without the token in it) and the API
    const page = await request(server, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="cartera-transport" content="http">');
    expect(page.body).not.toContain(server.token);
    expect((await request(server, { path: `/?key=${key}`, headers: { cookie } })).status).toBe(303); // a reload of the printed link
    for (const p of [`//evil.example/?key=${key}`, `/%2f%2fevil.example?key=${key}`, `/\\evil.example?key=${key}`]) {
      expect((await request(server, { path: p, headers: { cookie } })).headers.location, p).toBe('/'); // never an open redirect
    }
    const list = await api(server, 'clients.list', { cookie, origin: server.origin });
    expect(list.status).toBe(200);
    expect(list.body).toContain(SECRET_CLIENT);

    // the cookie alone does not make a cross-site request acceptable (CSRF): Origin and Fetch metadata are checked
    expect((await api(server, 'clients.list', { cookie, origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await api(server, 'clients.list', { cookie, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await api(server, 'clients.list', { cookie, 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('sends a CSP with frame-ancestors none and X-Frame-Options DENY on every answer (pages, refusals, API)', async () => {
    const cookie = `cartera_session_${server.port}=${server.token}`;
    for (const r of [await request(server, { headers: { cookie } }), await request(server, {}), await api(server, 'settings.get', { cookie })]) {
      expect(r.headers['content-security-policy']).toMatch(/(^|;\s*)frame-ancestors 'none'(;|$)/);
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('static files: a path that leaves the root is refused, even into a sibling whose name begins with the root', async () => {
    const cookie = `cartera_session_${server.port}=${server.token}`;
    expect((await request(server, { path: '/assets/app.js', headers: { cookie } })).body).toContain('console.log');
    for (const p of [
      '/..%2frenderer-private/x',
      '/..%2f..%2frenderer-private/x',
      '/%2e%2e%2frenderer-private/x',
      '/..%5crenderer-private/x',
      '/%2e%2e/renderer-private/x',
      '/x%00.html',
      '/%E0%A4%A',
    ]) {
      const r = await request(server, { path: p, headers: { cookie } });
      expect(r.body, p).not.toContain('PRIVATE SIBLING FILE');
      expect([403, 200], p).toContain(r.status); // 200 only for the SPA fallback page
    }
    expect((await request(server, { path: '/..%2frenderer-private/x', headers: { cookie } })).status).toBe(403);
  });
});

describe('npm run web: request bodies', () => {
  let core: Awaited<ReturnType<typeof freshCore>>;
  let server: WebServer;
  let headers: Record<string, string>;

  beforeAll(async () => {
    core = await freshCore();
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-web-'));
    server = await startWebServer(core, { staticDir });
    headers = { cookie: `cartera_session_${server.port}=${server.token}` };
  });
  afterAll(async () => {
    await server?.close();
    await core?.close();
  });

  it('has one limit: the largest import the contract allows (45 MB of file, base64 on the wire)', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(Math.ceil((45 * 1024 * 1024) / 3) * 4);
    expect(MAX_BODY_BYTES).toBeLessThan(61 * 1024 * 1024);
  });

  it('takes a 6.8 MB import file (over 8 MB once in base64)', async () => {
    const lines = ['code,name,payment_terms_days'];
    let size = lines[0]!.length;
    for (let i = 1; size < 6.8 * 1024 * 1024; i++) {
      const line = `C${String(i).padStart(7, '0')},Cliente de prueba número ${i} con un nombre largo S.A.C.,30`;
      lines.push(line);
      size += line.length + 1;
    }
    const csv = Buffer.from(lines.join('\n'), 'utf8');
    const body = JSON.stringify({ kind: 'clients', fileName: 'clients.csv', dataBase64: csv.toString('base64') });
    expect(body.length).toBeGreaterThan(8 * 1024 * 1024);
    const r = await api(server, 'imports.preview', headers, body);
    expect(r.status).toBe(200);
    const result = JSON.parse(r.body) as { ok: boolean; data?: { counts: { rows: number; rejected: number } } };
    expect(result).toMatchObject({ ok: true, data: { counts: { rows: lines.length - 1, rejected: 0 } } });
  });

  it("answers a body over the limit with the limit in the user's language, not a reset connection, and writes nothing", async () => {
    const before = core.ctx.sqlite.prepare('SELECT count(*) AS n FROM clients').get();
    const body = Buffer.alloc(MAX_BODY_BYTES + 1, 'a');
    for (const [lang, text] of [
      ['es-PE', /como máximo 45 MB/],
      ['en-US', /at most 45 MB/],
    ] as const) {
      const r = await api(server, 'imports.run', { ...headers, 'accept-language': lang }, body);
      expect(r.status).toBe(413);
      const result = JSON.parse(r.body) as { ok: boolean; error: { key: string; message: string; params: { max: number } } };
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', key: 'error.http.too_large', params: { max: 45 } } });
      expect(result.error.message).toMatch(text);
    }
    expect(core.ctx.sqlite.prepare('SELECT count(*) AS n FROM clients').get()).toEqual(before);
  });
});
