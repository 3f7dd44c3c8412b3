import type { SshAlias, SshResolution, SshRouteStep } from '../../../../shared/api/ssh-config';
import type { SshEndpoint } from '../ssh-endpoint';
import { definedAliases } from './config-aliases';
import { planRoute, type RouteRequest } from './connection-route';
import { localFacts, readUserConfig, type SshConfigDeps } from './route-for';

/** What the Add connection dialog shows: the aliases of ~/.ssh/config and what a name resolves to. */
export interface SshConfigPreview {
  aliases(): Promise<SshAlias[]>;
  resolve(request: RouteRequest): Promise<SshResolution>;
}

export function createSshConfigPreview(deps: SshConfigDeps): SshConfigPreview {
  const tilde = (path: string) =>
    path === deps.homeDir || path.startsWith(`${deps.homeDir}/`)
      ? `~${path.slice(deps.homeDir.length)}`
      : path;
  const shown = (alias: { alias: string; file: string; line: number }): SshAlias => ({
    ...alias,
    file: tilde(alias.file),
  });
  return {
    async aliases() {
      return definedAliases(await readUserConfig(deps)).map(shown);
    },
    async resolve(request) {
      const config = await readUserConfig(deps);
      const { endpoint, notes } = planRoute(config, request, localFacts(deps));
      const definedAt = definedAliases(config).find((a) => a.alias === request.host);
      return {
        hostName: endpoint.host,
        port: endpoint.port,
        user: endpoint.user,
        via: routeSteps(endpoint),
        identityFiles: endpoint.identityFiles.map(tilde),
        identitiesOnly: endpoint.identitiesOnly,
        agent: endpoint.agent === undefined ? (deps.agentSocket ?? null) : endpoint.agent,
        knownHostsFiles: (endpoint.knownHostsFiles ?? []).map(tilde),
        ...(endpoint.hostKeyAlias ? { hostKeyAlias: endpoint.hostKeyAlias } : {}),
        hostKeyPolicy: endpoint.hostKeyPolicy ?? 'ask',
        ...(definedAt ? { definedAt: shown(definedAt) } : {}),
        notes,
      };
    },
  };
}

/** How the endpoint is reached, outermost first: jump hosts, then the command that opens the link. */
function routeSteps(endpoint: SshEndpoint): SshRouteStep[] {
  if (endpoint.via) {
    const hop = endpoint.via;
    return [...routeSteps(hop), { kind: 'jump', host: hop.host, port: hop.port, user: hop.user }];
  }
  if (endpoint.proxyCommand)
    return [{ kind: 'command', command: endpoint.proxyCommand.replace(/^exec /, '') }];
  return [];
}
