import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where kms-wizard keeps per-user state (lesson progress): the platform's
 * config directory. KMS_WIZARD_CONFIG_DIR overrides it (tests, portable use).
 */
export function configDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.KMS_WIZARD_CONFIG_DIR) return env.KMS_WIZARD_CONFIG_DIR;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'kms-wizard');
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'kms-wizard');
  // XDG Base Directory: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.config'), 'kms-wizard');
}
