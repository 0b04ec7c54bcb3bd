import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyExternal, isAllowedExternal } from '../../electron/shell/links';
import { isTrustedSenderUrl } from '../../electron/shell/trust';
import { resolveNativeBinding } from '../../electron/shell/nativeBinding';

describe('external links allow-list', () => {
  it.each([
    ['https://wa.me/51987654321?text=Hola%20Comercial%20Andina', 'whatsapp'],
    ['https://wa.me/51987654321', 'whatsapp'],
    ['mailto:cobranzas@andina.pe', 'email'],
    ['mailto:cobranzas@andina.pe?subject=Factura%20F001-1&body=Estimado', 'email'],
    ['mailto:a@b.pe,c@d.pe?cc=e@f.pe', 'email'],
    ['tel:+51987654321', 'phone'],
    ['tel:+1 (415) 555-0100', 'phone'],
    ['sms:+51987654321', 'sms'],
    ['sms:+51987654321?body=Recordatorio', 'sms'],
    ['https://www.sunat.gob.pe/consulta', 'web'],
    ['https://api.whatsapp.com/send?phone=51987654321', 'web'],
    ['https://banco.com.pe:8443/pagos', 'web'],
  ])('accepts %s as %s', (url, kind) => {
    expect(classifyExternal(url)).toBe(kind);
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    'http://wa.me/51987654321', // not encrypted
    'http://example.com',
    'file:///etc/passwd',
    'file://C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'smb://server/share',
    'ftp://example.com/file',
    'whatsapp://send?phone=51987654321',
    'cartera://open',
    'https://wa.me.evil.com/51987654321',
    'https://wa.me.evil.com',
    'https://api.whatsapp.com.evil.net/send',
    'https://wa.me@evil.com/51987654321',
    'https://user:pass@example.com',
    'https://localhost/x',
    'https://127.0.0.1:5173/api',
    'https://192.168.1.1/',
    'https://[::1]/',
    'https://intranet/',
    'mailto:a@b.pe?attach=/etc/passwd',
    'mailto:not an address',
    'tel:javascript:alert(1)',
    'tel:+51987654321?x=1',
    'sms:+51987654321?attach=x',
    'https://wa.me/\u0000evil',
    'https://exa\nmple.com',
    '',
    'wa.me/51987654321',
    '/relative/path',
    `https://example.com/${'a'.repeat(9000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });

  it('refuses non-strings without throwing', () => {
    expect(isAllowedExternal(undefined as unknown as string)).toBe(false);
    expect(isAllowedExternal({ toString: () => 'https://wa.me/1' } as unknown as string)).toBe(false);
  });
});

describe('IPC sender check', () => {
  const index = 'file:///opt/Cartera/resources/app.asar/dist/renderer/index.html';
  it('accepts our index page, with any route in the hash or query', () => {
    expect(isTrustedSenderUrl(index, index)).toBe(true);
    expect(isTrustedSenderUrl(`${index}#/clients/12`, index)).toBe(true);
    expect(isTrustedSenderUrl(`${index}?x=1`, index)).toBe(true);
  });
  it('refuses other pages, schemes and hosts', () => {
    expect(isTrustedSenderUrl('file:///opt/Cartera/resources/app.asar/dist/renderer/other.html', index)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/evil/index.html', index)).toBe(false);
    expect(isTrustedSenderUrl('file://evil-server/opt/Cartera/resources/app.asar/dist/renderer/index.html', index)).toBe(false);
    expect(isTrustedSenderUrl('https://evil.com/dist/renderer/index.html', index)).toBe(false);
    expect(isTrustedSenderUrl('about:blank', index)).toBe(false);
    expect(isTrustedSenderUrl('', index)).toBe(false);
    expect(isTrustedSenderUrl(undefined, index)).toBe(false);
  });
  it('compares paths case-insensitively only where the file system does', () => {
    const win = 'file:///C:/Program%20Files/Cartera/resources/app.asar/dist/renderer/index.html';
    expect(isTrustedSenderUrl(win.replace('C:', 'c:'), win, true)).toBe(true);
    expect(isTrustedSenderUrl(win.replace('C:', 'c:'), win, false)).toBe(false);
  });
});

describe('native binding location', () => {
  it('uses the packaged extra resource in an installed app', () => {
    expect(resolveNativeBinding({ isPackaged: true, resourcesPath: '/opt/Cartera/resources', env: { CARTERA_NATIVE_BINDING: '/tmp/x.node' } })).toBe(
      path.join('/opt/Cartera/resources', 'native', 'better_sqlite3.node'),
    );
  });
  it('uses CARTERA_NATIVE_BINDING in development, else nothing', () => {
    expect(resolveNativeBinding({ isPackaged: false, resourcesPath: '/x', env: { CARTERA_NATIVE_BINDING: '/cache/better_sqlite3.node' } })).toMatch(
      /better_sqlite3\.node$/,
    );
    expect(resolveNativeBinding({ isPackaged: false, resourcesPath: '/x', env: {} })).toBeUndefined();
  });
});
