import crypto from 'node:crypto';
import type http from 'node:http';

/**
 * Who may use the loopback server: the browser of the user who launched `npm run web`, and nobody
 * else on the machine. The launcher is printed a URL carrying a one-time key; the first request that
 * presents it gets the session token as an HttpOnly, SameSite=Strict cookie (page scripts cannot read
 * it, other sites' requests do not carry it) and the key is spent. Every later request authenticates by
 * that cookie. Programs in the same process (the tests) may send the token in `x-cartera-token`.
 */
export type Session = {
  /** spend the one-time key; true only for the first request that presents the right one */
  redeem(key: string | null): boolean;
  /** the request carries the session token, by cookie or header */
  authenticated(req: http.IncomingMessage): boolean;
  /** Set-Cookie value that hands the session token to the browser */
  cookie(): string;
};

export const LAUNCH_PARAM = 'key';

export function randomSecret(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function createSession(token: string, launchKey: string, port: number): Session {
  // browsers share cookies across ports of one host: a name per port keeps two servers apart
  const name = `cartera_session_${port}`;
  let spent = false;
  return {
    redeem(key) {
      if (spent || key === null || !safeEqual(key, launchKey)) return false;
      spent = true;
      return true;
    },
    authenticated(req) {
      const header = req.headers['x-cartera-token'];
      if (typeof header === 'string' && safeEqual(header, token)) return true;
      const given = cookieValue(req.headers.cookie, name);
      return given !== null && safeEqual(given, token);
    },
    // no Max-Age: it lives as long as the browser session; the token dies with the server anyway
    cookie: () => `${name}=${token}; Path=/; HttpOnly; SameSite=Strict`,
  };
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
