import { languageOf, type Language } from '#shared/i18n/index';

type Key =
  | 'file'
  | 'quit'
  | 'close'
  | 'edit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'view'
  | 'reload'
  | 'devTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'fullScreen'
  | 'window'
  | 'minimize'
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'openTitle'
  | 'openButton'
  | 'cancelButton'
  | 'open.whatsapp'
  | 'open.email'
  | 'open.phone'
  | 'open.sms'
  | 'open.web';
export type ShellStrings = Record<Key, string>;

/**
 * The few words the shell itself shows (menu, confirmation dialog), before and outside the renderer.
 * Kept here rather than in the shared catalogue because only the main process uses them.
 */
const STRINGS: Record<Language, ShellStrings> = {
  es: {
    file: 'Archivo',
    quit: 'Salir',
    close: 'Cerrar ventana',
    edit: 'Edición',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    view: 'Ver',
    reload: 'Recargar',
    devTools: 'Herramientas de desarrollo',
    resetZoom: 'Tamaño real',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    fullScreen: 'Pantalla completa',
    window: 'Ventana',
    minimize: 'Minimizar',
    about: 'Acerca de Cartera',
    hide: 'Ocultar Cartera',
    hideOthers: 'Ocultar otros',
    unhide: 'Mostrar todo',
    openTitle: 'Abrir fuera de Cartera',
    openButton: 'Abrir',
    cancelButton: 'Cancelar',
    'open.whatsapp': '¿Abrir WhatsApp con este enlace?',
    'open.email': '¿Abrir su programa de correo?',
    'open.phone': '¿Llamar a este número?',
    'open.sms': '¿Enviar un SMS a este número?',
    'open.web': '¿Abrir esta página en su navegador?',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    close: 'Close Window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    about: 'About Cartera',
    hide: 'Hide Cartera',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    openTitle: 'Open outside Cartera',
    openButton: 'Open',
    cancelButton: 'Cancel',
    'open.whatsapp': 'Open WhatsApp with this link?',
    'open.email': 'Open your e-mail program?',
    'open.phone': 'Call this number?',
    'open.sms': 'Send a text message to this number?',
    'open.web': 'Open this page in your browser?',
  },
};

export function shellStrings(locale: string | null | undefined): ShellStrings {
  const lang: Language = languageOf(locale);
  return STRINGS[lang];
}
