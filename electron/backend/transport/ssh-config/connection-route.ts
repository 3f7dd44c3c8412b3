import { ApiError } from '../../../../shared/api/errors';
import type { SshEndpoint } from '../ssh-endpoint';
import type { ConfigFile } from './config-files';
import { expandPath, expandPercent, proxyCommandTokens, type ConnectionFacts } from './expand-tokens';
import { resolveConfig, type ConfigRemark, type ResolvedConfig } from './resolve-config';

/** Facts about this machine that configuration values refer to. */
export interface LocalFacts {
  homeDir: string;
  localUser: string;
  localHost: string;
  uid: number;
  env: NodeJS.ProcessEnv;
  /** SSH_AUTH_SOCK as VirtDesk started with it. */
  agentSocket: string | undefined;
}

/** What the connection dialog says (it wins over the configuration, like ssh's -l, -p and -i). */
export interface RouteRequest {
  host: string;
  user?: string | undefined;
  port?: number | undefined;
  privateKeyPath?: string | undefined;
}

export interface Route {
  endpoint: SshEndpoint;
  /** What VirtDesk did differently from ssh, for the connection's details. */
  notes: string[];
}

const DEFAULT_KNOWN_HOSTS = ['~/.ssh/known_hosts', '~/.ssh/known_hosts2'];
const MAX_HOPS = 8;
/** VirtDesk's own keepalive when the configuration sets none: notice a dead link within ~40 s. */
const DEFAULT_KEEPALIVE_MS = 10_000;

/** The server to connect to and how to reach it (ProxyJump hops, ProxyCommand), from ~/.ssh/config. */
export function planRoute(config: ConfigFile, request: RouteRequest, local: LocalFacts): Route {
  const notes: string[] = [];
  const endpoint = planEndpoint(config, request, local, notes, 0, true);
  return { endpoint, notes };
}

function planEndpoint(
  config: ConfigFile,
  request: RouteRequest,
  local: LocalFacts,
  notes: string[],
  depth: number,
  ownProxy: boolean,
): SshEndpoint {
  if (depth > MAX_HOPS) {
    throw new ApiError('ssh-config-invalid', `More than ${MAX_HOPS} ProxyJump hops (is there a loop?)`);
  }
  const resolved = resolveConfig(config, { ...request, localUser: local.localUser });
  if (resolved.errors.length > 0) {
    const problems = resolved.errors.map((e) => `${where(e, local.homeDir)}: ${e.message}`).join('; ');
    throw new ApiError('ssh-config-invalid', `Your SSH configuration has errors: ${problems}`);
  }
  notes.push(...resolved.notes.map((n) => `${request.host}: ${where(n, local.homeDir)}: ${n.message}`));
  const endpoint = endpointOf(resolved, local, request.privateKeyPath);
  if (!ownProxy) return endpoint;
  const { proxyJump, proxyCommand } = resolved.options;
  if (proxyJump && proxyJump !== 'none') {
    // `ProxyJump a,b`: a is reached with its own configuration; b through a, then the target through b.
    let via: SshEndpoint | undefined;
    proxyJump.hops.forEach((hop, i) => {
      const hopEndpoint = planEndpoint(config, hop, local, notes, depth + 1, i === 0);
      via = i === 0 ? hopEndpoint : { ...hopEndpoint, via };
    });
    if (via) endpoint.via = via;
  } else if (proxyCommand && proxyCommand.toLowerCase() !== 'none') {
    endpoint.proxyCommand = expandPercent(
      `exec ${proxyCommand}`,
      proxyCommandTokens(factsOf(resolved, local)),
    );
  }
  return endpoint;
}

/** Where the resolved options point, tokens expanded. */
export function endpointOf(
  resolved: ResolvedConfig,
  local: LocalFacts,
  privateKeyPath?: string,
): SshEndpoint {
  const o = resolved.options;
  const facts = factsOf(resolved, local);
  const path = (p: string) => expandPath(p, facts, local.env);
  const knownHosts = o.userKnownHostsFiles ?? DEFAULT_KNOWN_HOSTS;
  const strict = o.strictHostKeyChecking ?? 'ask';
  return {
    host: resolved.hostName,
    port: resolved.port,
    user: resolved.user,
    identityFiles: privateKeyPath ? [privateKeyPath] : o.identityFiles.map(path),
    identitiesOnly: Boolean(privateKeyPath) || o.identitiesOnly === true,
    identityFilesRequired: Boolean(privateKeyPath),
    agent: agentSocket(o.identityAgent, path, local),
    knownHostsFiles:
      knownHosts.length === 1 && knownHosts[0]!.toLowerCase() === 'none' ? [] : knownHosts.map(path),
    ...(o.hostKeyAlias ? { hostKeyAlias: o.hostKeyAlias.toLowerCase() } : {}),
    hostKeyPolicy: strict === 'off' ? 'accept-new' : strict,
    ...(o.connectTimeout !== undefined
      ? { connectTimeoutMs: o.connectTimeout ? o.connectTimeout * 1000 : null }
      : {}),
    keepaliveIntervalMs:
      o.serverAliveInterval !== undefined ? o.serverAliveInterval * 1000 : DEFAULT_KEEPALIVE_MS,
    keepaliveCountMax: o.serverAliveCountMax ?? 3,
    ...(o.addressFamily === 'inet'
      ? { family: 4 as const }
      : o.addressFamily === 'inet6'
        ? { family: 6 as const }
        : {}),
    ...(o.bindAddress ? { bindAddress: o.bindAddress } : {}),
  };
}

/** IdentityAgent: `none`, `SSH_AUTH_SOCK`, `$VARIABLE`, or a socket path (tokens expanded). */
function agentSocket(
  value: string | undefined,
  path: (p: string) => string,
  local: LocalFacts,
): string | null {
  if (value === undefined || value === 'SSH_AUTH_SOCK') return local.agentSocket ?? null;
  const expanded = path(value);
  if (expanded === 'none') return null;
  if (expanded.startsWith('$') && !expanded.startsWith('${')) return local.env[expanded.slice(1)] ?? null;
  return expanded;
}

export function factsOf(resolved: ResolvedConfig, local: LocalFacts): ConnectionFacts {
  return {
    host: resolved.hostName,
    originalHost: resolved.host,
    port: resolved.port,
    user: resolved.user,
    localUser: local.localUser,
    homeDir: local.homeDir,
    keyAlias: resolved.options.hostKeyAlias?.toLowerCase() ?? resolved.host,
    localHost: local.localHost,
    uid: local.uid,
  };
}

/** `~/.ssh/config line 3`: where a remark belongs, the home directory shown as `~`. */
function where(r: ConfigRemark, homeDir: string): string {
  const file = r.file.startsWith(`${homeDir}/`) ? `~${r.file.slice(homeDir.length)}` : r.file;
  return r.line > 0 ? `${file} line ${r.line}` : file || 'ssh config';
}
