import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/**
 * Sent with every answer in web mode. The page's own meta CSP cannot say `frame-ancestors` (browsers
 * ignore it there), so only this header stops another site from framing the app to trick clicks;
 * X-Frame-Options DENY says the same to older browsers. The rest repeats the policy in index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function setSecurityHeaders(res: http.ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cache-control', 'no-store');
}

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

/**
 * The file under `root` a URL path names, or null when it would leave `root`. Compared with
 * path.relative, not startsWith: `/..%2frenderer-private/x` resolves to a sibling folder whose name
 * merely begins with the root's.
 */
export function staticFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + decoded);
  const rel = path.relative(root, file);
  if (rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) return null;
  return file;
}

/** Serves the built renderer (SPA routes fall back to index.html, which learns it talks over HTTP). */
export function serveStatic(res: http.ServerResponse, staticDir: string, pathname: string): void {
  const root = path.resolve(staticDir);
  let file = staticFile(root, pathname);
  if (file === null) return void res.writeHead(403).end();
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) return void res.writeHead(404).end('renderer not built: run `npm run build`');
  let content = fs.readFileSync(file);
  if (path.basename(file) === 'index.html') {
    content = Buffer.from(content.toString('utf8').replace('<head>', '<head><meta name="cartera-transport" content="http">'));
  }
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(content);
}
