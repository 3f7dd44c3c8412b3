import { networkConflict, networkSpecProblem } from '../../shared/api/network-checks';
import { check, type CheckMessage } from '../../shared/checks/check-message';
import type { DhcpHost, IpSpec, MacvtapMode, NetworkKind, NetworkSpec } from '../../shared/api/network-spec';
import type { HostInterface, NetworkSummary } from '../../shared/api/networks';
import { formatIpv4, parseIp, subnetBounds } from '../../shared/addresses/ip-address';

/** What the Create Network dialog edits: text as typed, turned into a spec by `formToSpec`. */
export type NetworkForm = {
  kind: NetworkKind;
  name: string;
  /** nat/routed/open/isolated: the bridge libvirt makes (optional); bridge kind: the host's bridge. */
  bridge: string;
  forwardDev: string;
  domain: string;
  ipv4: string;
  dhcp4Start: string;
  dhcp4End: string;
  /** The IPv4 DHCP range is still the suggestion (the user has not typed one): it follows the subnet. */
  dhcp4Auto: boolean;
  ipv6: string;
  dhcp6Start: string;
  dhcp6End: string;
  /** One per line: a MAC and/or a name, and an address (`52:54:00:…  db  192.168.100.10`). */
  staticHosts: string;
  mode: MacvtapMode;
  /** macvtap: interface names separated by commas or spaces; sriov: the physical function. */
  devices: string;
  start: boolean;
  autostart: boolean;
};

/** virt-manager's defaults for a new network. */
export const newNetworkForm = (): NetworkForm => ({
  kind: 'nat',
  name: 'network',
  bridge: '',
  forwardDev: '',
  domain: '',
  ipv4: '192.168.100.1/24',
  dhcp4Start: '192.168.100.128',
  dhcp4End: '192.168.100.254',
  dhcp4Auto: true,
  ipv6: '',
  dhcp6Start: '',
  dhcp6End: '',
  staticHosts: '',
  mode: 'bridge',
  devices: '',
  start: true,
  autostart: true,
});

/** virt-manager's DHCP suggestion for an IPv4 subnet: its upper half (…128–…254 for a /24). */
export function suggestDhcp4(cidr: string): { start: string; end: string } | undefined {
  const [address = '', prefixText = ''] = cidr.trim().split('/');
  const ip = parseIp(address);
  const prefix = Number(prefixText);
  if (!ip || ip.family !== 'ipv4' || !/^\d+$/.test(prefixText) || prefix < 8 || prefix > 30) return undefined;
  const { first, last } = subnetBounds(ip, prefix);
  return { start: formatIpv4(first + (last - first + 1n) / 2n), end: formatIpv4(last - 1n) };
}

/** A new IPv4 subnet; the DHCP range follows it until the user types a range of their own. */
export function withIpv4(form: NetworkForm, ipv4: string): NetworkForm {
  const next = form.dhcp4Auto ? suggestDhcp4(ipv4) : undefined;
  return next ? { ...form, ipv4, dhcp4Start: next.start, dhcp4End: next.end } : { ...form, ipv4 };
}

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

export function parseStaticHosts(text: string): DhcpHost[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const host: DhcpHost = { ip: '' };
      for (const word of line.split(/[\s,]+/)) {
        if (MAC.test(word)) host.mac = word;
        else if (parseIp(word)) host.ip = word;
        else host.name = word;
      }
      return host;
    });
}

function ipSpec(
  cidr: string,
  start: string,
  end: string,
  hosts: DhcpHost[],
): IpSpec | CheckMessage | undefined {
  const text = cidr.trim();
  if (!text) return undefined;
  const [address = '', prefix = ''] = text.split('/');
  if (!/^\d{1,3}$/.test(prefix)) return check('network.needsPrefix', { text });
  const range = start.trim() || end.trim() ? { dhcp: { start: start.trim(), end: end.trim() } } : {};
  return { address, prefix: Number(prefix), ...range, hosts };
}

const words = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** The spec the form describes, or the first problem with it (a key + values: the dialog translates it). */
export function formToSpec(form: NetworkForm): { spec: NetworkSpec } | { problem: CheckMessage } {
  const name = form.name.trim();
  if (!name) return { problem: check('network.nameNeeded') };
  if (name.includes('/')) return { problem: check('network.nameSlash') };
  let spec: NetworkSpec;
  switch (form.kind) {
    case 'bridge':
      if (!form.bridge.trim()) return { problem: check('network.chooseBridge') };
      spec = { kind: 'bridge', name, bridge: form.bridge.trim() };
      break;
    case 'macvtap':
      if (words(form.devices).length === 0) return { problem: check('network.chooseInterface') };
      spec = { kind: 'macvtap', name, mode: form.mode, interfaces: words(form.devices) };
      break;
    case 'sriov':
      if (!form.devices.trim()) return { problem: check('network.choosePf') };
      spec = { kind: 'sriov', name, pf: form.devices.trim() };
      break;
    default: {
      const hosts = parseStaticHosts(form.staticHosts);
      const v4 = ipSpec(
        form.ipv4,
        form.dhcp4Start,
        form.dhcp4End,
        hosts.filter((h) => !h.ip.includes(':')),
      );
      const v6 = ipSpec(
        form.ipv6,
        form.dhcp6Start,
        form.dhcp6End,
        hosts.filter((h) => h.ip.includes(':')),
      );
      if (v4 && 'key' in v4) return { problem: v4 };
      if (v6 && 'key' in v6) return { problem: v6 };
      if (hosts.some((h) => !h.ip)) return { problem: check('network.hostNeedsAddress') };
      spec = {
        kind: form.kind,
        name,
        ...(form.bridge.trim() ? { bridge: form.bridge.trim() } : {}),
        ...(form.domain.trim() ? { domain: form.domain.trim() } : {}),
        ...(v4 ? { ipv4: v4 } : {}),
        ...(v6 ? { ipv6: v6 } : {}),
        ...((form.kind === 'nat' || form.kind === 'routed') && form.forwardDev.trim()
          ? { forwardDev: form.forwardDev.trim() }
          : {}),
      } as NetworkSpec;
    }
  }
  const problem = networkSpecProblem(spec);
  return problem ? { problem } : { spec };
}

/** formToSpec plus what the host already has (names, subnets, interfaces). */
export function checkForm(
  form: NetworkForm,
  existing: readonly NetworkSummary[],
  interfaces: readonly HostInterface[] | undefined,
): { spec: NetworkSpec } | { problem: CheckMessage } {
  const result = formToSpec(form);
  if ('problem' in result) return result;
  const conflict = networkConflict(result.spec, existing, interfaces);
  return conflict ? { problem: conflict } : result;
}
