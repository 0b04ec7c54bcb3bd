import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ShellStrings } from './strings';

/** The application menu: standard edit/view/window items (so copy/paste shortcuts work), labelled in es/en. */
export function installMenu(s: ShellStrings, opts: { isMac: boolean; devTools: boolean; fileItems?: MenuItemConstructorOptions[] }): void {
  const template: MenuItemConstructorOptions[] = [];
  if (opts.isMac) {
    template.push({
      label: 'Cartera',
      submenu: [
        { role: 'about', label: s.about },
        { type: 'separator' },
        { role: 'hide', label: s.hide },
        { role: 'hideOthers', label: s.hideOthers },
        { role: 'unhide', label: s.unhide },
        { type: 'separator' },
        { role: 'quit', label: s.quit },
      ],
    });
  }
  template.push(
    { label: s.file, submenu: [...(opts.fileItems ?? []), opts.isMac ? { role: 'close', label: s.close } : { role: 'quit', label: s.quit }] },
    {
      label: s.edit,
      submenu: [
        { role: 'undo', label: s.undo },
        { role: 'redo', label: s.redo },
        { type: 'separator' },
        { role: 'cut', label: s.cut },
        { role: 'copy', label: s.copy },
        { role: 'paste', label: s.paste },
        { role: 'selectAll', label: s.selectAll },
      ],
    },
    {
      label: s.view,
      submenu: [
        { role: 'reload', label: s.reload },
        ...(opts.devTools ? [{ role: 'toggleDevTools', label: s.devTools } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom', label: s.resetZoom },
        { role: 'zoomIn', label: s.zoomIn },
        { role: 'zoomOut', label: s.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: s.fullScreen },
      ],
    },
    { label: s.window, submenu: [{ role: 'minimize', label: s.minimize }, ...(opts.isMac ? [] : [{ role: 'close', label: s.close } as const])] },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
