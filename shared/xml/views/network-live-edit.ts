// What an edited network definition needs on a running network: nothing, a few `net-update`s of its
// DHCP ranges and static hosts (the sections libvirt changes live), or a restart (anything else).
import { decodeXml, documentRoot, type XmlElement, type XmlNode } from '../document';
import { elementChildren, findChild } from '../node-ops';
import { parseNetworkXml } from '../objects';
import { serializeNode } from '../serialize';

/** The `net-update` sections VirtDesk applies live. */
export type LiveSection = 'ip-dhcp-range' | 'ip-dhcp-host';

export interface LiveUpdate {
  command: 'delete' | 'add-last';
  section: LiveSection;
  /** Index of the `<ip>` among the network's `<ip>` elements (`--parent-index`). */
  ipIndex: number;
  /** The fragment (`<range …/>`, `<host …/>`) as written in the definition. */
  xml: string;
}

export type NetworkLivePlan =
  /** Nothing a running network would notice (only whitespace, comments or order changed). */
  | { kind: 'none' }
  /** Only DHCP ranges / static hosts changed: deletions first, then additions. */
  | { kind: 'live'; updates: LiveUpdate[] }
  /** Something libvirt reads only when the network starts. */
  | { kind: 'restart' };

const SECTION: Record<string, LiveSection> = { range: 'ip-dhcp-range', host: 'ip-dhcp-host' };

/** An element's meaning as text: no whitespace-only text or comments, attributes decoded and sorted. */
function canonical(node: XmlNode, skip: (el: XmlElement) => boolean): string {
  if (node.kind === 'text') return node.raw.trim() ? decodeXml(node.raw.trim()) : '';
  if (node.kind === 'cdata') return node.raw;
  if (node.kind !== 'element') return '';
  const attrs = node.attrs
    .map((a) => `${a.name}=${JSON.stringify(decodeXml(a.raw))}`)
    .sort()
    .join(' ');
  const inner = node.children
    .filter((child) => child.kind !== 'element' || !skip(child))
    .map((child) => canonical(child, skip))
    .join('');
  return `<${node.name} ${attrs}>${inner}</${node.name}>`;
}

const ips = (root: XmlElement) => elementChildren(root).filter((e) => e.name === 'ip');
const dhcpEntries = (ip: XmlElement) => {
  const dhcp = findChild(ip, 'dhcp');
  return dhcp ? elementChildren(dhcp).filter((e) => e.name in SECTION) : [];
};

/**
 * Compares two definitions of one network. Throws XmlParseError when either is not network XML.
 * DHCP entries count as the same when they mean the same (attribute order and quotes do not matter).
 */
export function planNetworkLiveEdit(before: string, after: string): NetworkLivePlan {
  const oldRoot = documentRoot(parseNetworkXml(before));
  const newRoot = documentRoot(parseNetworkXml(after));
  const oldDhcp = new Set(ips(oldRoot).flatMap(dhcpEntries));
  const newDhcp = new Set(ips(newRoot).flatMap(dhcpEntries));
  const outsideDhcp = (set: Set<XmlElement>) => (el: XmlElement) => set.has(el);
  if (canonical(oldRoot, outsideDhcp(oldDhcp)) !== canonical(newRoot, outsideDhcp(newDhcp)))
    return { kind: 'restart' };
  const updates: LiveUpdate[] = [];
  const additions: LiveUpdate[] = [];
  const newIps = ips(newRoot);
  ips(oldRoot).forEach((oldIp, ipIndex) => {
    const meaning = (el: XmlElement) => canonical(el, () => false);
    const oldEntries = dhcpEntries(oldIp);
    const newEntries = dhcpEntries(newIps[ipIndex]!);
    const oldSet = new Set(oldEntries.map(meaning));
    const newSet = new Set(newEntries.map(meaning));
    const update = (command: LiveUpdate['command'], el: XmlElement): LiveUpdate => ({
      command,
      section: SECTION[el.name]!,
      ipIndex,
      xml: serializeNode(el),
    });
    for (const el of oldEntries) if (!newSet.has(meaning(el))) updates.push(update('delete', el));
    for (const el of newEntries) if (!oldSet.has(meaning(el))) additions.push(update('add-last', el));
  });
  updates.push(...additions);
  return updates.length > 0 ? { kind: 'live', updates } : { kind: 'none' };
}
