// The NIC pane's source choices, virt-manager's way: each virtual network of the host, a bridge by
// name, macvtap on each host interface; the NIC's own source stays listed even when the host does
// not offer it (a network that is gone, an interface not listed).
import type { HostInterface, NetworkSummary } from '../../shared/api/networks';
import type { NicSourceChoice } from '../../shared/domain-edit/source-patches';
import type { DetailsKey } from './details-strings';

export interface NicSourceOption {
  /** `network:NAME`, `bridge`, `direct:DEV`, `direct`, `other`. */
  value: string;
  label: DetailsKey;
  values: Record<string, string>;
}

export const optionValueOf = (choice: NicSourceChoice | { kind: 'other' }): string =>
  choice.kind === 'network'
    ? `network:${choice.network}`
    : choice.kind === 'direct'
      ? `direct:${choice.dev}`
      : choice.kind;

export function nicSourceOptions(
  networks: readonly NetworkSummary[],
  interfaces: readonly HostInterface[],
  current: NicSourceChoice | { kind: 'other'; type: string },
): NicSourceOption[] {
  const out: NicSourceOption[] = [];
  const sorted = [...networks].sort((a, b) => a.name.localeCompare(b.name));
  for (const n of sorted)
    out.push({
      value: `network:${n.name}`,
      label: n.active ? 'nicNetworkItem' : 'nicNetworkInactive',
      values: { name: n.name, mode: n.forwardMode },
    });
  if (current.kind === 'network' && !networks.some((n) => n.name === current.network))
    out.push({
      value: `network:${current.network}`,
      label: 'nicNetworkInactive',
      values: { name: current.network, mode: '?' },
    });
  out.push({ value: 'bridge', label: 'nicBridgeItem', values: {} });
  const devs = new Set(interfaces.map((i) => i.name).filter((n) => n !== 'lo'));
  if (current.kind === 'direct') devs.add(current.dev);
  for (const dev of [...devs].sort())
    out.push({ value: `direct:${dev}`, label: 'nicDirectItem', values: { name: dev } });
  out.push({ value: 'direct', label: 'nicDirectOther', values: {} });
  if (current.kind === 'other')
    out.push({ value: 'other', label: 'nicSourceOther', values: { type: current.type } });
  return out;
}
