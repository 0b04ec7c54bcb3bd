import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '#core/http';
import { freshCore } from '../support/core';

type Reply = { status: number; body: string };

/** A raw request on its own connection: http.request lets a test set Host and Origin the way a hostile page or rebinding DNS would. */
function request(server: WebServer, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: opts.host ?? '127.0.0.1',
        port: server.port,
        agent: false,
        method: opts.method ?? 'POST',
        path: opts.path ?? '/api/settings.get',
        headers: opts.headers ?? {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body ?? '{}');
  });
}

/** Whether a TCP connection to host:port is accepted at all. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('loopback HTTP transport security', () => {
  let core: Awaited<ReturnType<typeof freshCore>>;
  let server: WebServer;
  let good: Record<string, string>;

  beforeAll(async () => {
    core = await freshCore();
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartera-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>ok</body></html>');
    server = await startWebServer(core, { staticDir });
    good = { 'content-type': 'application/json', 'x-cartera-token': server.token, host: `127.0.0.1:${server.port}`, origin: `http://127.0.0.1:${server.port}` };
  });
  afterAll(async () => {
    await server?.close();
    await core?.close();
  });

  it('answers a well-formed call from our own origin', async () => {
    const r = await request(server, { headers: good });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
  });

  it('answers without an Origin header (same-origin fetches may omit it)', async () => {
    const { origin: _origin, ...noOrigin } = good;
    expect((await request(server, { headers: noOrigin })).status).toBe(200);
  });

  it('refuses a call without the token', async () => {
    const { 'x-cartera-token': _token, ...noToken } = good;
    const r = await request(server, { headers: noToken });
    expect(r.status).toBe(401);
    expect(r.body).not.toContain('"ok"');
  });

  it('refuses a wrong token, including one of the right length and an empty one', async () => {
    for (const token of ['wrong', 'x'.repeat(server.token.length), '', server.token.slice(0, -1), `${server.token}x`]) {
      expect((await request(server, { headers: { ...good, 'x-cartera-token': token } })).status).toBe(401);
    }
  });

  it('refuses a text/plain "simple request" (cross-site form post) even with the token', async () => {
    expect((await request(server, { headers: { ...good, 'content-type': 'text/plain' } })).status).toBe(415);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:' + server.port, 'http://127.0.0.1:1', 'null', 'file://']) {
      expect((await request(server, { headers: { ...good, origin } })).status).toBe(403);
    }
  });

  it('refuses a wrong Host header (DNS rebinding), for the API and the page', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `localhost:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      expect((await request(server, { headers: { ...good, host } })).status, host).toBe(421);
      const page = await request(server, { method: 'GET', path: '/', headers: { host } });
      expect(page.status).toBe(421);
      expect(page.body).not.toContain(server.token);
    }
  });

  it('does not answer API calls over GET (no token in URLs, no <img src> tricks)', async () => {
    expect((await request(server, { method: 'GET', headers: good })).status).toBe(405);
  });

  it('binds to 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(await connects('127.0.0.1', server.port)).toBe(true);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal && i.family === 'IPv4')
      .map((i) => i.address);
    for (const address of external) expect(await connects(address, server.port)).toBe(false);
    // nor the IPv6 loopback, where a second listener could hide
    expect(await connects('::1', server.port)).toBe(false);
  });
});
