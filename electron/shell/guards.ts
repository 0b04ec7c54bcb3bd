import { app, dialog, session, shell, BrowserWindow, type WebContents } from 'electron';
import { classifyExternal } from './links';
import type { ShellStrings } from './strings';

/**
 * Process-wide hardening, installed once before any window exists:
 * every web contents may not navigate, open windows or attach webviews, and no permission
 * (camera, notifications, geolocation…) is ever granted. Links the user clicks that pass the allow-list
 * are offered to the operating system after a confirmation.
 */
export function installGuards(strings: () => ShellStrings): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      event.preventDefault(); // the app is one page; routing happens inside it
      void offerExternal(contents, url, strings());
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void offerExternal(contents, url, strings());
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function denyAllPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** Opens an allowed URL in the OS (browser, WhatsApp, mail, phone) once the user agrees; refuses the rest silently. */
async function offerExternal(contents: WebContents, url: string, s: ShellStrings): Promise<void> {
  const kind = classifyExternal(url);
  if (!kind) return;
  const owner = BrowserWindow.fromWebContents(contents);
  const options = {
    type: 'question' as const,
    title: s.openTitle,
    message: s[`open.${kind}`],
    detail: url.length > 300 ? `${url.slice(0, 300)}…` : url,
    buttons: [s.openButton, s.cancelButton],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  // re-checked right before use: the allow-list is the last word, not the dialog
  if (response === 0 && classifyExternal(url) === kind) await shell.openExternal(url);
}
