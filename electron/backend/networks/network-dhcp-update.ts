import { ApiError, refusal } from '../../../shared/api/errors';
import { networkSpecProblem } from '../../../shared/api/network-checks';
import type { DhcpHost, DhcpRange } from '../../../shared/api/network-spec';
import type { NetworkSummary } from '../../../shared/api/networks';
import { dhcpHostElement, dhcpRangeElement, networkFragmentXml } from '../../../shared/xml/build/new-network';
import type { XmlElement } from '../../../shared/xml/document';
import type { LiveHost } from '../hosts/host-connection';
import { putXmlOn, XML_FILE } from '../virsh/put-xml';
import type { NetworkCollection } from './network-collection';

export interface DhcpChange {
  family: 'ipv4' | 'ipv6';
  range?: DhcpRange;
  hosts: DhcpHost[];
}

/**
 * Replaces the DHCP range and static hosts of one `<ip>` with `net-update`: live and in the saved
 * config for an active persistent network (no restart, guests keep their leases), the config alone
 * for an inactive one. Old entries are deleted, new ones added, each through put-xml.
 */
export async function updateDhcp(
  host: LiveHost,
  networks: NetworkCollection,
  network: NetworkSummary,
  change: DhcpChange,
): Promise<{ summary?: NetworkSummary; message: string }> {
  const index = network.ips.findIndex((ip) => ip.family === change.family);
  const ip = network.ips[index];
  if (!ip)
    throw new ApiError(
      'invalid-request',
      `“${network.name}” has no ${change.family === 'ipv4' ? 'IPv4' : 'IPv6'} subnet`,
    );
  const problem = networkSpecProblem({
    kind: 'isolated',
    name: network.name,
    [change.family]: { address: ip.address, prefix: ip.prefix, dhcp: change.range, hosts: change.hosts },
  });
  if (problem) throw refusal(problem);
  const flags = network.active ? (network.persistent ? ['--live', '--config'] : ['--live']) : ['--config'];
  const update = (command: 'add-last' | 'delete', section: string, element: XmlElement) =>
    putXmlOn(
      host,
      [
        'net-update',
        '--network',
        network.uuid,
        '--command',
        command,
        '--section',
        section,
        '--xml',
        XML_FILE,
        '--parent-index',
        String(index),
        ...flags,
      ],
      networkFragmentXml(element),
    );
  for (const old of ip.hosts) await update('delete', 'ip-dhcp-host', dhcpHostElement(old));
  for (const old of ip.dhcpRanges) await update('delete', 'ip-dhcp-range', dhcpRangeElement(old));
  if (change.range) await update('add-last', 'ip-dhcp-range', dhcpRangeElement(change.range));
  for (const next of change.hosts) await update('add-last', 'ip-dhcp-host', dhcpHostElement(next));
  const summary = await networks.refresh(host, network.uuid);
  const where = flags.includes('--live')
    ? flags.includes('--config')
      ? 'now and after restarts'
      : 'now'
    : 'from its next start';
  const message = `DHCP of “${network.name}” updated (${where})`;
  return summary ? { summary, message } : { message };
}
