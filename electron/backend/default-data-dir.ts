import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user config directory, as each desktop expects it. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'VirtDesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'VirtDesk');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'virtdesk');
}
