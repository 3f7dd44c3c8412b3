import { z } from 'zod';
import { hostRef } from './refs';
import { DhcpHost, DhcpRange, NetworkSpec } from './network-spec';

/** One `<ip>` of a network as the list shows it. */
export const NetworkIp = z.object({
  family: z.enum(['ipv4', 'ipv6']),
  address: z.string(),
  prefix: z.number(),
  dhcpRanges: z.array(DhcpRange),
  hosts: z.array(DhcpHost),
});
export type NetworkIp = z.infer<typeof NetworkIp>;

export const NetworkSummary = z.object({
  uuid: z.string(),
  name: z.string(),
  active: z.boolean(),
  autostart: z.boolean(),
  persistent: z.boolean(),
  /** `<forward mode>`: nat, route, open, bridge, private, vepa, passthrough, hostdev; 'none' = isolated. */
  forwardMode: z.string(),
  /** `<forward dev>`, or the macvtap interfaces / SR-IOV physical function. */
  forwardDevices: z.array(z.string()),
  bridge: z.string().optional(),
  domain: z.string().optional(),
  ips: z.array(NetworkIp),
});
export type NetworkSummary = z.infer<typeof NetworkSummary>;

export const NetworkDelta = z.object({
  hostId: z.string(),
  reset: z.boolean(),
  upsert: z.array(NetworkSummary),
  remove: z.array(z.string()),
});
export type NetworkDelta = z.infer<typeof NetworkDelta>;

export const NetworkAction = z.enum(['start', 'stop', 'autostart', 'no-autostart', 'undefine']);
export type NetworkAction = z.infer<typeof NetworkAction>;

export const NetworkLease = z.object({
  expiry: z.string(),
  mac: z.string(),
  protocol: z.string(),
  address: z.string(),
  hostname: z.string(),
  clientId: z.string(),
});
export type NetworkLease = z.infer<typeof NetworkLease>;

export const HostInterface = z.object({
  name: z.string(),
  /** Link up (iface-list: active; node device: link state 'up'); undefined when unknown. */
  up: z.boolean().optional(),
  mac: z.string().optional(),
  /** Where the list came from: libvirt's interface driver or node devices of capability net. */
  source: z.enum(['iface-list', 'nodedev']),
});
export type HostInterface = z.infer<typeof HostInterface>;

const networkRef = hostRef.extend({ uuid: z.string().min(1).max(64) });
const done = z.object({ summary: NetworkSummary.optional(), message: z.string() });

export const networkCalls = {
  'networks/list': { request: hostRef, response: z.array(NetworkSummary) },
  'networks/define': {
    request: hostRef.extend({
      spec: NetworkSpec,
      start: z.boolean().default(false),
      autostart: z.boolean().default(false),
    }),
    response: done,
  },
  'networks/action': { request: networkRef.extend({ action: NetworkAction }), response: done },
  'networks/xml': { request: networkRef, response: z.object({ xml: z.string() }) },
  'networks/leases': { request: networkRef, response: z.array(NetworkLease) },
  /** Replaces one `<ip>`'s DHCP range and static hosts, live and in the saved config (`net-update`). */
  'networks/update-dhcp': {
    request: networkRef.extend({
      family: z.enum(['ipv4', 'ipv6']),
      range: DhcpRange.optional(),
      hosts: z.array(DhcpHost).max(1024),
    }),
    response: done,
  },
  'networks/interfaces': { request: hostRef, response: z.array(HostInterface) },
} as const;

export const networkEvents = {
  'networks/delta': NetworkDelta,
} as const;
