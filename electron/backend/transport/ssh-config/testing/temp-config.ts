// Test-only: an ssh configuration laid out in a temporary home directory.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readConfigFile, type ConfigFile } from '../config-files';
import type { LocalFacts } from '../connection-route';

/** Writes `files` (paths relative to the new home, e.g. `.ssh/config`) and returns the home. */
export function tempHome(files: Record<string, string>, mode = 0o600): string {
  const home = mkdtempSync(join(tmpdir(), 'vd-sshcfg-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(home, path)), { recursive: true });
    writeFileSync(join(home, path), text, { mode });
  }
  return home;
}

/** Reads `~/.ssh/config` of a temp home made from `files`. */
export async function readTempConfig(
  files: Record<string, string>,
): Promise<{ home: string; config: ConfigFile }> {
  const home = tempHome(files);
  return { home, config: await readConfigFile(join(home, '.ssh', 'config'), home) };
}

/** Local facts for a test user `me` (uid 1000) on `desk.example.org`. */
export function testLocal(home: string, env: NodeJS.ProcessEnv = {}): LocalFacts {
  return {
    homeDir: home,
    localUser: 'me',
    localHost: 'desk.example.org',
    uid: 1000,
    env,
    agentSocket: '/run/agent.sock',
  };
}
