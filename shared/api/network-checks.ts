import { check, field, type CheckMessage } from '../checks/check-message';
import type { CheckKey } from '../checks/check-texts';
import { inSubnet, parseIp, subnetBounds, subnetsOverlap, type IpFamily } from '../addresses/ip-address';
import { hasAddresses, type IpSpec, type NetworkSpec } from './network-spec';
import type { HostInterface, NetworkSummary } from './networks';

/**
 * Checks of a Create Network spec that need nothing from the host: addresses, prefixes, DHCP
 * ranges and static hosts inside their subnet. Returns the first problem (a key + values, issue 15).
 */
export function networkSpecProblem(spec: NetworkSpec): CheckMessage | undefined {
  if (!hasAddresses(spec)) return undefined;
  return ipProblem(spec.ipv4, 'ipv4') ?? ipProblem(spec.ipv6, 'ipv6');
}

const LABEL: Record<IpFamily, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

function ipProblem(ip: IpSpec | undefined, family: IpFamily): CheckMessage | undefined {
  if (!ip) return undefined;
  const label = LABEL[family];
  const address = parseIp(ip.address);
  if (!address || address.family !== family)
    return check('network.notAddress', { text: ip.address, family: label });
  const maxPrefix = family === 'ipv4' ? 30 : 126;
  if (ip.prefix < 8 || ip.prefix > maxPrefix)
    return check('network.prefixRange', { family: label, max: maxPrefix, prefix: ip.prefix });
  const { first, last } = subnetBounds(address, ip.prefix);
  const where = `${ip.address}/${ip.prefix}`;
  if (address.value === first) return check('network.networkAddress', { cidr: where });
  if (family === 'ipv4' && address.value === last) return check('network.broadcastAddress', { cidr: where });
  const inside = (text: string, what: CheckKey): CheckMessage | undefined => {
    const parsed = parseIp(text);
    if (!parsed || parsed.family !== family)
      return check('network.fieldNotAddress', { field: field(what), text, family: label });
    if (!inSubnet(parsed, address, ip.prefix))
      return check('network.fieldOutside', { field: field(what), text, cidr: where });
    return undefined;
  };
  if (ip.dhcp) {
    const problem =
      inside(ip.dhcp.start, 'networkField.dhcpStart') ?? inside(ip.dhcp.end, 'networkField.dhcpEnd');
    if (problem) return problem;
    const start = parseIp(ip.dhcp.start)!.value;
    const end = parseIp(ip.dhcp.end)!.value;
    if (start > end) return check('network.dhcpReversed', { start: ip.dhcp.start, end: ip.dhcp.end });
    if (address.value >= start && address.value <= end)
      return check('network.dhcpHasOwn', { start: ip.dhcp.start, end: ip.dhcp.end, address: ip.address });
  }
  for (const host of ip.hosts ?? []) {
    const problem = inside(host.ip, 'networkField.hostAddress');
    if (problem) return problem;
    if (family === 'ipv4' && !host.mac && !host.name)
      return check('network.hostNeedsMacOrName', { ip: host.ip });
    if (host.mac && !MAC.test(host.mac)) return check('network.hostMacBad', { mac: host.mac });
  }
  return undefined;
}

/**
 * Checks against what the host already has: the name, subnets overlapping another network's, and
 * the bridge or interfaces the spec names (when the host's interfaces are known).
 */
export function networkConflict(
  spec: NetworkSpec,
  existing: readonly NetworkSummary[],
  interfaces: readonly HostInterface[] | undefined,
): CheckMessage | undefined {
  if (existing.some((n) => n.name === spec.name)) return check('network.nameTaken', { name: spec.name });
  if (hasAddresses(spec)) {
    for (const ip of [spec.ipv4, spec.ipv6]) {
      const mine = ip && parseIp(ip.address);
      if (!ip || !mine) continue;
      for (const other of existing)
        for (const theirs of other.ips) {
          const parsed = parseIp(theirs.address);
          if (parsed && subnetsOverlap(mine, ip.prefix, parsed, theirs.prefix))
            return check('network.subnetOverlap', {
              cidr: `${ip.address}/${ip.prefix}`,
              other: other.name,
              theirs: `${theirs.address}/${theirs.prefix}`,
            });
        }
    }
    if (spec.bridge && existing.some((n) => n.bridge === spec.bridge))
      return check('network.bridgeUsed', { bridge: spec.bridge });
  }
  if (!interfaces) return undefined;
  const known = new Set(interfaces.map((i) => i.name));
  const missing = (name: string, what: 'bridge' | 'interface') =>
    known.has(name)
      ? undefined
      : check(what === 'bridge' ? 'network.noBridge' : 'network.noInterface', { name });
  switch (spec.kind) {
    case 'bridge':
      return missing(spec.bridge, 'bridge');
    case 'macvtap':
      for (const name of spec.interfaces) {
        const problem = missing(name, 'interface');
        if (problem) return problem;
      }
      return undefined;
    case 'sriov':
      return missing(spec.pf, 'interface');
    case 'nat':
    case 'routed':
      return spec.forwardDev ? missing(spec.forwardDev, 'interface') : undefined;
    default:
      return undefined;
  }
}
