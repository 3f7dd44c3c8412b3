import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { readConfigFile, type ConfigFile } from './config-files';
import { planRoute, type LocalFacts, type Route, type RouteRequest } from './connection-route';

/** Whose configuration to read and what this machine looks like. */
export interface SshConfigDeps {
  homeDir: string;
  /** SSH_AUTH_SOCK as VirtDesk started with it. */
  agentSocket: string | undefined;
  env?: NodeJS.ProcessEnv;
}

/** ~/.ssh/config and every file it includes, read now (it may change between connections). */
export function readUserConfig(deps: SshConfigDeps): Promise<ConfigFile> {
  return readConfigFile(join(deps.homeDir, '.ssh', 'config'), deps.homeDir);
}

/** Where an SSH connection goes and how, as ~/.ssh/config (and its Includes) resolve it. */
export async function routeFor(request: RouteRequest, deps: SshConfigDeps): Promise<Route> {
  return planRoute(await readUserConfig(deps), request, localFacts(deps));
}

export function localFacts(deps: SshConfigDeps): LocalFacts {
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
