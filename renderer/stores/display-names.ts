import type { DomainSummary } from '../../shared/api/domains';
import type { HostConfig } from '../../shared/api/hosts';

/** What the list calls a host: its name, else the SSH host, else (local) the URI. */
export function hostDisplayName(config: Pick<HostConfig, 'name' | 'transport' | 'host' | 'uri'>): string {
  const name = config.name?.trim();
  if (name) return name;
  if (config.transport === 'ssh' && config.host) return config.host;
  return config.uri;
}

/** What the list calls a VM: its title, else its name. */
export function displayName(domain: DomainSummary): string {
  return domain.title?.trim() || domain.name;
}
