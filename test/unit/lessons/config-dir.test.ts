import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDir } from '../../../src/lessons/config-dir.js';

describe('configDir', () => {
  it('uses KMS_WIZARD_CONFIG_DIR over everything', () => {
    expect(configDir({ KMS_WIZARD_CONFIG_DIR: '/tmp/x', XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/tmp/x');
  });
  it('follows XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(configDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe(join('/xdg', 'kms-wizard'));
    expect(configDir({}, 'linux', '/home/u')).toBe(join('/home/u', '.config', 'kms-wizard'));
  });
  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec requires', () => {
    expect(configDir({ XDG_CONFIG_HOME: 'relative/dir' }, 'linux', '/home/u')).toBe(join('/home/u', '.config', 'kms-wizard'));
  });
  it('uses ~/Library/Preferences on macOS and %APPDATA% on Windows', () => {
    expect(configDir({}, 'darwin', '/Users/u')).toBe(join('/Users/u', 'Library', 'Preferences', 'kms-wizard'));
    expect(configDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'kms-wizard'));
  });
});
