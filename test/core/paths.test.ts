import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultDataFile } from '#core/paths';

describe('default data location', () => {
  it('follows each OS convention for the app name Cartera', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Cartera');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Cartera');
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Cartera');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/xdg/Cartera');
  });

  it('puts cartera.sqlite there unless CARTERA_DB says otherwise', () => {
    expect(defaultDataFile('linux', {}, '/home/ana')).toBe('/home/ana/.config/Cartera/cartera.sqlite');
    expect(defaultDataFile('win32', { APPDATA: 'C:\\R' }, 'C:\\U')).toBe('C:\\R\\Cartera\\cartera.sqlite');
    expect(defaultDataFile('linux', { CARTERA_DB: '/data/books.sqlite' }, '/home/ana')).toBe('/data/books.sqlite');
  });
});
