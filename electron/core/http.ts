import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { languageOf, translate } from '#shared/i18n/index';
import type { ApiResult } from '#shared/contract/index';
import type { Core } from './app';
import { MAX_BODY_FILE_MB, readBody } from './web/body';
import { createSession, LAUNCH_PARAM, randomSecret, type Session } from './web/session';
import { serveStatic, setSecurityHeaders } from './web/static';

/**
 * Loopback HTTP transport for `npm run web` and the browser tests. Same dispatch as IPC.
 * Binds 127.0.0.1 only. Nothing of the book, and not the token, goes to a request that is not
 * authenticated (web/session.ts): `url` carries a one-time key that the launcher's browser trades for
 * an HttpOnly cookie. Host must be our loopback address and Origin, when present, ours, and API calls
 * must be same-origin JSON: a web page elsewhere, or DNS rebinding, cannot drive it.
 */
export type WebServer = {
  /** the one-time URL to give the launching user; the first load spends its key */
  url: string;
  /** the same server without the key (works only in a browser that already has the cookie) */
  origin: string;
  /** the session token (what the cookie holds), for callers in this process */
  token: string;
  port: number;
  close(): Promise<void>;
};

export async function startWebServer(core: Pick<Core, 'dispatch'>, opts: { staticDir: string; port?: number; token?: string }): Promise<WebServer> {
  const token = opts.token ?? randomSecret();
  const launchKey = randomSecret();
  let origin = '';
  let session: Session | null = null;
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const remote = req.socket.remoteAddress ?? '';
    if (!isLoopback(remote)) return void res.writeHead(403).end('forbidden');
    if (req.headers.host !== new URL(origin).host) return void res.writeHead(421).end('wrong host');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return void res.writeHead(403).end('wrong origin');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    const s = session!;
    // only a GET spends the key: a HEAD (a link preview, a checker) must not use up the user's link
    if (url.searchParams.has(LAUNCH_PARAM) && req.method === 'GET') {
      const fresh = s.redeem(url.searchParams.get(LAUNCH_PARAM));
      // a reload of the launch URL in the browser that already holds the cookie is fine too
      if (!fresh && !s.authenticated(req)) return page(req, res, 403, 'web.link_spent');
      // to the clean root (never a path from the request: no open redirect); the key leaves the address bar
      return void res.writeHead(303, { location: '/', ...(fresh ? { 'set-cookie': s.cookie() } : {}) }).end();
    }
    if (!s.authenticated(req)) return page(req, res, 401, 'web.link_needed');
    return serveStatic(res, opts.staticDir, url.pathname);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    if (!session!.authenticated(req)) return void res.writeHead(401).end('missing or wrong token');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return void res.writeHead(415).end();
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return void res.writeHead(403).end('not same-origin');
    const body = await readBody(req);
    if (!body.ok) return json(res, 413, tooLarge(req));
    let input: unknown;
    try {
      input = body.text.length ? JSON.parse(body.text) : {};
    } catch {
      input = Symbol('malformed'); // fails validation with a typed error
    }
    let name: string;
    try {
      name = decodeURIComponent(method);
    } catch {
      name = method;
    }
    // a page that gives up on a long call (closed, navigated away) cancels it in the engine
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    return json(res, 200, await core.dispatch(name, input, { signal: abort.signal }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  session = createSession(token, launchKey, port);
  return {
    url: `${origin}/?${LAUNCH_PARAM}=${launchKey}`,
    origin,
    token,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(res: http.ServerResponse, status: number, result: ApiResult<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(result));
}

/** The browser's language: these answers come before any book (and its locale setting) is involved. */
function requestLocale(req: http.IncomingMessage): string {
  return (
    String(req.headers['accept-language'] ?? '')
      .split(',')[0]
      ?.trim() ?? ''
  );
}

function tooLarge(req: http.IncomingMessage): ApiResult<unknown> {
  const params = { max: MAX_BODY_FILE_MB };
  return {
    ok: false,
    error: { code: 'validation', key: 'error.http.too_large', params, message: translate(requestLocale(req), 'error.http.too_large', params) },
  };
}

/** A page with one sentence and nothing else: no script, no style, nothing of the book. */
function page(req: http.IncomingMessage, res: http.ServerResponse, status: number, key: string): void {
  const locale = requestLocale(req);
  const text = translate(locale, key).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!doctype html><html lang="${languageOf(locale)}"><head><meta charset="utf-8"><title>Cartera</title></head><body><p>${text}</p></body></html>`);
}

function isLoopback(addr: string): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}
