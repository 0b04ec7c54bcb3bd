/**
 * Which URLs the app may hand to the operating system (shell.openExternal). Pure: no electron import,
 * so it is unit-tested in Node. Everything not recognised here is refused; the caller still asks the
 * user to confirm before opening anything.
 */
export type ExternalKind = 'whatsapp' | 'email' | 'phone' | 'sms' | 'web';

// Long enough for a WhatsApp message with a full invoice summary, short enough to refuse abuse.
const MAX_URL_LENGTH = 8192;
// Mail clients have honoured `attach=` and similar; only the fields a collection e-mail needs pass.
const MAILTO_PARAMS = new Set(['subject', 'body', 'cc', 'bcc']);
const PHONE = /^\+?[0-9()\-.\s]{3,32}$/;
// Hosts that dress up as WhatsApp (wa.me.evil.com, api.whatsapp.com.evil.net) are phishing, not "other https".
const LOOKALIKE = /(^|\.)(wa\.me|whatsapp\.com)\./;

export function classifyExternal(raw: string): ExternalKind | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null; // control characters hide the real target
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  switch (url.protocol) {
    case 'https:':
      return classifyHttps(url);
    case 'mailto:':
      return isMailto(url) ? 'email' : null;
    case 'tel:':
      return PHONE.test(decodeSafe(url.pathname)) && url.search === '' ? 'phone' : null;
    case 'sms:':
      return PHONE.test(decodeSafe(url.pathname)) && onlyParams(url, new Set(['body'])) ? 'sms' : null;
    default:
      return null; // http:, file:, javascript:, data:, custom app schemes…
  }
}

export function isAllowedExternal(url: string): boolean {
  return classifyExternal(url) !== null;
}

function classifyHttps(url: URL): ExternalKind | null {
  if (url.username !== '' || url.password !== '') return null; // https://wa.me@evil.com
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === '' || !host.includes('.')) return null;
  if (host === 'localhost' || host.endsWith('.localhost')) return null;
  // IP literals: nothing a clerk needs, and the way to reach the machine's own or LAN services
  if (host.startsWith('[') || /^[0-9.]+$/.test(host)) return null;
  if (LOOKALIKE.test(host)) return null;
  return host === 'wa.me' ? 'whatsapp' : 'web';
}

function isMailto(url: URL): boolean {
  const to = decodeSafe(url.pathname);
  if (to !== '' && !to.split(',').every((a) => /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/.test(a.trim()))) return false;
  return onlyParams(url, MAILTO_PARAMS);
}

function onlyParams(url: URL, allowed: Set<string>): boolean {
  for (const key of url.searchParams.keys()) if (!allowed.has(key.toLowerCase())) return false;
  return true;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '\u0000'; // malformed escapes never match the patterns above
  }
}
