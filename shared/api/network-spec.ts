import { z } from 'zod';

/**
 * What the Create Network form sends: one typed spec per kind of libvirt virtual network
 * (https://libvirt.org/formatnetwork.html). `networkSpecProblem` (network-checks.ts) checks it
 * before anything runs; shared/xml/build/new-network.ts turns it into XML.
 */
export const NetworkName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^/\s][^/]*$/, 'A network name cannot contain “/” or start with a space');

export const DhcpRange = z.object({ start: z.string().max(64), end: z.string().max(64) });
export type DhcpRange = z.infer<typeof DhcpRange>;

/** A static DHCP host entry: a MAC (IPv4) or a name, and the address it always gets. */
export const DhcpHost = z.object({
  mac: z.string().max(32).optional(),
  name: z.string().max(253).optional(),
  ip: z.string().max(64),
});
export type DhcpHost = z.infer<typeof DhcpHost>;

/** One `<ip>` of a network: the host side's address in the subnet, DHCP and static hosts. */
export const IpSpec = z.object({
  address: z.string().max(64),
  prefix: z.number().int().min(1).max(128),
  dhcp: DhcpRange.optional(),
  hosts: z.array(DhcpHost).max(1024).default([]),
});
export type IpSpec = z.input<typeof IpSpec>;

const routedBase = {
  name: NetworkName,
  /** The bridge libvirt creates (virbrN when empty). */
  bridge: z.string().max(15).optional(),
  domain: z.string().max(253).optional(),
  ipv4: IpSpec.optional(),
  ipv6: IpSpec.optional(),
};

export const MacvtapMode = z.enum(['bridge', 'vepa', 'private', 'passthrough']);
export type MacvtapMode = z.infer<typeof MacvtapMode>;

export const NetworkSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nat'), ...routedBase, forwardDev: z.string().max(15).optional() }),
  z.object({ kind: z.literal('routed'), ...routedBase, forwardDev: z.string().max(15).optional() }),
  z.object({ kind: z.literal('open'), ...routedBase }),
  z.object({ kind: z.literal('isolated'), ...routedBase }),
  /** An existing bridge on the host (`<forward mode='bridge'/><bridge name='br0'/>`). */
  z.object({ kind: z.literal('bridge'), name: NetworkName, bridge: z.string().min(1).max(15) }),
  /** macvtap on host interfaces (`<forward mode='bridge|vepa|private|passthrough'><interface dev=…/>`). */
  z.object({
    kind: z.literal('macvtap'),
    name: NetworkName,
    mode: MacvtapMode,
    interfaces: z.array(z.string().min(1).max(15)).min(1).max(64),
  }),
  /** An SR-IOV VF pool: `<forward mode='hostdev' managed='yes'><pf dev='eno2'/></forward>`. */
  z.object({ kind: z.literal('sriov'), name: NetworkName, pf: z.string().min(1).max(15) }),
]);
export type NetworkSpec = z.input<typeof NetworkSpec>;
export type NetworkKind = NetworkSpec['kind'];

export const NETWORK_KINDS = ['nat', 'routed', 'open', 'isolated', 'bridge', 'macvtap', 'sriov'] as const;

/** Kinds whose network has its own bridge and addresses (libvirt runs DHCP/DNS for them). */
export function hasAddresses(spec: NetworkSpec): spec is Extract<NetworkSpec, { ipv4?: unknown }> {
  return spec.kind === 'nat' || spec.kind === 'routed' || spec.kind === 'open' || spec.kind === 'isolated';
}
