import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from './app';

/**
 * Loopback HTTP transport for `npm run web` and the browser tests. Same dispatch as IPC.
 * Binds 127.0.0.1 only; every API call needs the per-run token (handed to the page inside index.html);
 * Host must be our loopback address and Origin, when present, ours: a web page elsewhere cannot drive it.
 */
export type WebServer = { url: string; token: string; port: number; close(): Promise<void> };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 8 * 1024 * 1024;

export async function startWebServer(core: Pick<Core, 'dispatch'>, opts: { staticDir: string; port?: number; token?: string }): Promise<WebServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  let origin = '';
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const remote = req.socket.remoteAddress ?? '';
    if (!isLoopback(remote)) return void res.writeHead(403).end('forbidden');
    if (req.headers.host !== new URL(origin).host) return void res.writeHead(421).end('wrong host');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return void res.writeHead(403).end('wrong origin');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    return serveStatic(res, url.pathname);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const given = String(req.headers['x-cartera-token'] ?? '');
    if (!safeEqual(given, token)) return void res.writeHead(401).end('missing or wrong token');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return void res.writeHead(415).end();
    const body = await readBody(req);
    if (body === null) return void res.writeHead(413).end();
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      input = Symbol('malformed'); // fails validation with a typed error
    }
    // a page that gives up on a long call (closed, navigated away) cancels it in the engine
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const result = await core.dispatch(decodeURIComponent(method), input, { signal: abort.signal });
    const json = JSON.stringify(result);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(json);
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const root = path.resolve(opts.staticDir);
    let file = path.resolve(root, '.' + decodeURIComponent(pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html'); // SPA routes
    if (!fs.existsSync(file)) return void res.writeHead(404).end('renderer not built: run `npm run build`');
    let content = fs.readFileSync(file);
    if (file.endsWith('index.html')) {
      content = Buffer.from(content.toString('utf8').replace('<head>', `<head><meta name="cartera-transport" content="http"><meta name="cartera-token" content="${token}">`));
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + '/',
    token,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function isLoopback(addr: string): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
