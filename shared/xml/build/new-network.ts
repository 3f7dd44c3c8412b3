// New virtual networks for the Create Network dialog: one typed spec per kind → libvirt's network
// XML (https://libvirt.org/formatnetwork.html). Every user value goes into an attribute or a text
// node of the document model, which escapes it; nothing is concatenated into XML text.
import { hasAddresses, type DhcpHost, type IpSpec, type NetworkSpec } from '../../api/network-spec';
import { createDocument, type XmlDocument, type XmlElement } from '../document';
import { el, indentSubtree, textEl } from '../node-ops';
import { serializeNetworkXml } from '../objects';

const FORWARD_MODE = { nat: 'nat', routed: 'route', open: 'open' } as const;

/** A static host entry (`<host mac=… name=… ip=…/>`); IPv6 hosts are matched by name. */
export function dhcpHostElement(host: DhcpHost): XmlElement {
  return el('host', { mac: host.mac || undefined, name: host.name || undefined, ip: host.ip });
}

export function dhcpRangeElement(range: { start: string; end: string }): XmlElement {
  return el('range', { start: range.start, end: range.end });
}

function ipElement(ip: IpSpec, family: 'ipv4' | 'ipv6'): XmlElement {
  const hosts = ip.hosts ?? [];
  const dhcp =
    ip.dhcp || hosts.length > 0
      ? [el('dhcp', {}, ...(ip.dhcp ? [dhcpRangeElement(ip.dhcp)] : []), ...hosts.map(dhcpHostElement))]
      : [];
  return el(
    'ip',
    { family: family === 'ipv6' ? 'ipv6' : undefined, address: ip.address, prefix: ip.prefix },
    ...dhcp,
  );
}

function forwardAndBridge(spec: NetworkSpec): XmlElement[] {
  switch (spec.kind) {
    case 'nat':
    case 'routed':
    case 'open':
      return [
        el('forward', {
          mode: FORWARD_MODE[spec.kind],
          dev: 'forwardDev' in spec ? spec.forwardDev || undefined : undefined,
        }),
        ...(spec.bridge ? [el('bridge', { name: spec.bridge })] : []),
      ];
    case 'isolated':
      return spec.bridge ? [el('bridge', { name: spec.bridge })] : [];
    case 'bridge':
      return [el('forward', { mode: 'bridge' }), el('bridge', { name: spec.bridge })];
    case 'macvtap':
      return [el('forward', { mode: spec.mode }, ...spec.interfaces.map((dev) => el('interface', { dev })))];
    case 'sriov':
      return [el('forward', { mode: 'hostdev', managed: 'yes' }, el('pf', { dev: spec.pf }))];
  }
}

/** A new network's document (the spec must have passed `networkSpecProblem`). */
export function buildNewNetwork(spec: NetworkSpec): XmlDocument {
  const parts: XmlElement[] = [textEl('name', spec.name), ...forwardAndBridge(spec)];
  if (hasAddresses(spec)) {
    if (spec.domain) parts.push(el('domain', { name: spec.domain }));
    if (spec.ipv4) parts.push(ipElement(spec.ipv4, 'ipv4'));
    if (spec.ipv6) parts.push(ipElement(spec.ipv6, 'ipv6'));
  }
  const root = el('network', {}, ...parts);
  indentSubtree(root, 0);
  return createDocument(root);
}

export function newNetworkXml(spec: NetworkSpec): string {
  return serializeNetworkXml(buildNewNetwork(spec));
}

/** One element for `net-update` (a DHCP range or static host), serialised by the document model. */
export function networkFragmentXml(element: XmlElement): string {
  return serializeNetworkXml(createDocument(element)).trim();
}
