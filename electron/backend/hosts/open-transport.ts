import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { HostConfig } from '../../../shared/api/hosts';
import { LocalTransport } from './local-transport';
import { readConfigFile } from './ssh-config/config-files';
import { planRoute, type LocalFacts, type Route } from './ssh-config/connection-route';
import { SshTransport, type SshDeps } from './ssh-transport';
import type { Transport } from './transport';

/**
 * Opens the transport a connection asks for; SSH settings come from the dialog, then ~/.ssh/config.
 * `notes` receives, before connecting, what VirtDesk did differently from ssh while reading the
 * configuration (a Match exec it did not run), so they can be shown even if the connection fails.
 */
export async function openTransport(
  config: HostConfig,
  deps: SshDeps,
  notes: string[] = [],
): Promise<Transport> {
  if (config.transport === 'local') return new LocalTransport();
  const route = await routeFor(config, deps);
  notes.push(...route.notes);
  return SshTransport.connect(route.endpoint, deps);
}

/** Where an SSH connection goes and how, as ~/.ssh/config (and its Includes) resolve it. */
export async function routeFor(
  request: Pick<HostConfig, 'host' | 'user' | 'port' | 'privateKeyPath'>,
  deps: Pick<SshDeps, 'homeDir' | 'agentSocket' | 'env'>,
): Promise<Route> {
  const sshConfig = await readConfigFile(join(deps.homeDir, '.ssh', 'config'), deps.homeDir);
  return planRoute(sshConfig, request, localFacts(deps));
}

export function localFacts(deps: Pick<SshDeps, 'homeDir' | 'agentSocket' | 'env'>): LocalFacts {
  let localUser = process.env['USER'] ?? 'root';
  let uid = process.getuid?.() ?? 0;
  try {
    ({ username: localUser, uid } = userInfo());
  } catch {
    // no passwd entry (containers): keep the environment's idea
  }
  return {
    homeDir: deps.homeDir,
    localUser,
    localHost: hostname(),
    uid,
    env: deps.env ?? process.env,
    agentSocket: deps.agentSocket,
  };
}
