import { inSubnet, parseIp, subnetBounds, subnetsOverlap, type IpFamily } from '../addresses/ip-address';
import { hasAddresses, type IpSpec, type NetworkSpec } from './network-spec';
import type { HostInterface, NetworkSummary } from './networks';

/**
 * Checks of a Create Network spec that need nothing from the host: addresses, prefixes, DHCP
 * ranges and static hosts inside their subnet. Returns the first problem, for people.
 */
export function networkSpecProblem(spec: NetworkSpec): string | undefined {
  if (!hasAddresses(spec)) return undefined;
  return ipProblem(spec.ipv4, 'ipv4') ?? ipProblem(spec.ipv6, 'ipv6');
}

const LABEL: Record<IpFamily, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

function ipProblem(ip: IpSpec | undefined, family: IpFamily): string | undefined {
  if (!ip) return undefined;
  const label = LABEL[family];
  const address = parseIp(ip.address);
  if (!address || address.family !== family) return `“${ip.address}” is not an ${label} address`;
  const maxPrefix = family === 'ipv4' ? 30 : 126;
  if (ip.prefix < 8 || ip.prefix > maxPrefix)
    return `The ${label} prefix must be between 8 and ${maxPrefix} (got /${ip.prefix})`;
  const { first, last } = subnetBounds(address, ip.prefix);
  if (address.value === first || (family === 'ipv4' && address.value === last))
    return `${ip.address}/${ip.prefix} is the subnet's ${address.value === first ? 'network' : 'broadcast'} address; use a host address such as the first one after it`;
  const where = `${ip.address}/${ip.prefix}`;
  const inside = (text: string, what: string): string | undefined => {
    const parsed = parseIp(text);
    if (!parsed || parsed.family !== family) return `${what} “${text}” is not an ${label} address`;
    if (!inSubnet(parsed, address, ip.prefix)) return `${what} ${text} is outside the subnet ${where}`;
    return undefined;
  };
  if (ip.dhcp) {
    const problem =
      inside(ip.dhcp.start, 'The DHCP range start') ?? inside(ip.dhcp.end, 'The DHCP range end');
    if (problem) return problem;
    const start = parseIp(ip.dhcp.start)!.value;
    const end = parseIp(ip.dhcp.end)!.value;
    if (start > end) return `The DHCP range starts after it ends (${ip.dhcp.start} > ${ip.dhcp.end})`;
    if (address.value >= start && address.value <= end)
      return `The DHCP range ${ip.dhcp.start}–${ip.dhcp.end} contains the network's own address ${ip.address}`;
  }
  for (const host of ip.hosts ?? []) {
    const problem = inside(host.ip, 'The static host address');
    if (problem) return problem;
    if (family === 'ipv4' && !host.mac && !host.name)
      return `The static host ${host.ip} needs a MAC address or a name`;
    if (host.mac && !MAC.test(host.mac)) return `“${host.mac}” is not a MAC address (aa:bb:cc:dd:ee:ff)`;
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
): string | undefined {
  if (existing.some((n) => n.name === spec.name))
    return `A network named “${spec.name}” already exists on this host`;
  if (hasAddresses(spec)) {
    for (const ip of [spec.ipv4, spec.ipv6]) {
      const mine = ip && parseIp(ip.address);
      if (!ip || !mine) continue;
      for (const other of existing)
        for (const theirs of other.ips) {
          const parsed = parseIp(theirs.address);
          if (parsed && subnetsOverlap(mine, ip.prefix, parsed, theirs.prefix))
            return `${ip.address}/${ip.prefix} overlaps the network “${other.name}” (${theirs.address}/${theirs.prefix})`;
        }
    }
    if (spec.bridge && existing.some((n) => n.bridge === spec.bridge))
      return `The bridge ${spec.bridge} is already used by another network`;
  }
  if (!interfaces) return undefined;
  const known = new Set(interfaces.map((i) => i.name));
  const missing = (name: string, what: string) =>
    known.has(name) ? undefined : `The host has no ${what} named “${name}”`;
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
