import type { NetworkIp, NetworkSummary } from '../../../shared/api/networks';
import { netmaskPrefix } from '../../../shared/addresses/ip-address';
import { documentRoot } from '../../../shared/xml/document';
import { findChild, findChildren, getAttr, getText } from '../../../shared/xml/node-ops';
import { parseNetworkXml } from '../../../shared/xml/objects';
import type { XmlElement } from '../../../shared/xml/document';

export type NetworkXmlFacts = Pick<
  NetworkSummary,
  'uuid' | 'name' | 'forwardMode' | 'forwardDevices' | 'bridge' | 'domain' | 'ips'
>;

function readIp(ip: XmlElement): NetworkIp | undefined {
  const address = getAttr(ip, 'address');
  if (!address) return undefined;
  const family = getAttr(ip, 'family') === 'ipv6' || address.includes(':') ? 'ipv6' : 'ipv4';
  const netmask = getAttr(ip, 'netmask');
  const prefix = Number(
    getAttr(ip, 'prefix') ?? (netmask ? netmaskPrefix(netmask) : undefined) ?? (family === 'ipv4' ? 24 : 64),
  );
  const dhcp = findChild(ip, 'dhcp');
  return {
    family,
    address,
    prefix,
    dhcpRanges: (dhcp ? findChildren(dhcp, 'range') : []).map((r) => ({
      start: getAttr(r, 'start') ?? '',
      end: getAttr(r, 'end') ?? '',
    })),
    hosts: (dhcp ? findChildren(dhcp, 'host') : []).map((h) => {
      const mac = getAttr(h, 'mac');
      const name = getAttr(h, 'name');
      return { ...(mac ? { mac } : {}), ...(name ? { name } : {}), ip: getAttr(h, 'ip') ?? '' };
    }),
  };
}

/** What the Networks tab shows from `net-dumpxml`: forward mode and devices, bridge, domain, addresses. */
export function summarizeNetworkXml(xml: string): NetworkXmlFacts {
  const root = documentRoot(parseNetworkXml(xml));
  const forward = findChild(root, 'forward');
  const bridge = findChild(root, 'bridge');
  const domain = findChild(root, 'domain');
  const devices = forward
    ? [
        getAttr(forward, 'dev'),
        ...findChildren(forward, 'interface').map((i) => getAttr(i, 'dev')),
        ...findChildren(forward, 'pf').map((p) => getAttr(p, 'dev')),
      ].filter((d): d is string => Boolean(d))
    : [];
  const facts: NetworkXmlFacts = {
    uuid: getText(findChild(root, 'uuid') ?? root)
      .trim()
      .toLowerCase(),
    name: getText(findChild(root, 'name') ?? root),
    forwardMode: forward ? (getAttr(forward, 'mode') ?? 'nat') : 'none',
    forwardDevices: [...new Set(devices)],
    ips: findChildren(root, 'ip')
      .map(readIp)
      .filter((ip): ip is NetworkIp => ip !== undefined),
  };
  const bridgeName = bridge && getAttr(bridge, 'name');
  if (bridgeName) facts.bridge = bridgeName;
  const domainName = domain && getAttr(domain, 'name');
  if (domainName) facts.domain = domainName;
  return facts;
}
