import { SnapshotState, type SnapshotSupport, type SnapshotView } from '../../../shared/api/snapshots';
import {
  documentRoot,
  findChild,
  findChildren,
  getAttr,
  getText,
  parseDomainXml,
  parseXml,
  type XmlElement,
} from '../../../shared/xml';

/**
 * `snapshot-dumpxml --xpath` of everything but the embedded domain (see SUMMARY_XPATH), wrapped in
 * `<nodes>`, → what the Snapshots page shows.
 */
export function parseSnapshotSummary(xml: string, current: string | undefined): SnapshotView {
  const root = documentRoot(parseXml(xml, 'Snapshot XML'));
  const text = (name: string) => {
    const el = findChild(root, name);
    return el ? getText(el) : undefined;
  };
  const name = text('name') ?? '';
  const parentEl = findChild(root, 'parent');
  const parentName = parentEl ? findChild(parentEl, 'name') : undefined;
  const state = SnapshotState.catch('nostate').parse(text('state'));
  const memoryEl = findChild(root, 'memory');
  const memoryKind = memoryEl ? getAttr(memoryEl, 'snapshot') : undefined;
  const disksEl = findChild(root, 'disks');
  const disks = disksEl ? findChildren(disksEl, 'disk') : [];
  const kinds = new Set<string>();
  const files: string[] = [];
  for (const disk of disks) {
    const kind = getAttr(disk, 'snapshot');
    if (kind === 'internal' || kind === 'external') kinds.add(kind);
    const file = sourceFile(disk);
    if (kind === 'external' && file) files.push(file);
  }
  if (memoryKind === 'internal' || memoryKind === 'external') kinds.add(memoryKind);
  if (memoryKind === 'external' && memoryEl) {
    const file = getAttr(memoryEl, 'file');
    if (file) files.push(file);
  }
  const location =
    kinds.size === 0 ? 'none' : kinds.size > 1 ? 'mixed' : kinds.has('internal') ? 'internal' : 'external';
  const created = Number(text('creationTime'));
  return {
    name,
    ...(parentName ? { parent: getText(parentName) } : {}),
    createdAt: Number.isFinite(created) ? created : 0,
    state,
    description: text('description') ?? '',
    location,
    memory: memoryKind === 'internal' || memoryKind === 'external',
    current: current !== undefined && current === name,
    files,
  };
}

function sourceFile(disk: XmlElement): string | undefined {
  const source = findChild(disk, 'source');
  return source ? (getAttr(source, 'file') ?? getAttr(source, 'dev')) : undefined;
}

/** Everything of a snapshot's XML except the (large) copies of the domain definition. */
export const SUMMARY_XPATH = '/domainsnapshot/*[not(self::domain or self::inactiveDomain or self::cookie)]';

/** Lines of `snapshot-list --name` (one name per line; names never contain line breaks here). */
export function parseNameLines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A VM with memory to snapshot (running, idle or paused). */
export const isActiveState = (state: string) => state === 'running' || state === 'idle' || state === 'paused';

const AGENT_CHANNEL = 'org.qemu.guest_agent.0';

/** What this VM allows (from its live XML) and the host (from `virsh capabilities`). */
export function parseSupport(domainXml: string, capabilitiesXml: string, running: boolean): SnapshotSupport {
  const domain = documentRoot(parseDomainXml(domainXml));
  const devices = findChild(domain, 'devices');
  const os = findChild(domain, 'os');
  const loader = os ? findChild(os, 'loader') : undefined;
  const uefi =
    (os !== undefined && getAttr(os, 'firmware') === 'efi') ||
    (loader !== undefined && getAttr(loader, 'type') === 'pflash');
  const disks = (devices ? findChildren(devices, 'disk') : [])
    .filter((d) => (getAttr(d, 'device') ?? 'disk') === 'disk' && !findChild(d, 'readonly'))
    .map((d) => {
      const driver = findChild(d, 'driver');
      const target = findChild(d, 'target');
      const format = driver ? getAttr(driver, 'type') : undefined;
      const path = sourceFile(d);
      return {
        target: (target && getAttr(target, 'dev')) ?? '?',
        ...(format ? { format } : {}),
        ...(path ? { path } : {}),
      };
    });
  const agent = (devices ? findChildren(devices, 'channel') : []).some((channel) => {
    const target = findChild(channel, 'target');
    return (
      target !== undefined &&
      getAttr(target, 'name') === AGENT_CHANNEL &&
      getAttr(target, 'state') === 'connected'
    );
  });
  const notQcow2 = disks.filter((d) => d.format !== 'qcow2').map((d) => d.target);
  const internalBlocked =
    running && uefi
      ? UEFI_REASON
      : notQcow2.length > 0
        ? `Internal snapshots need every writable disk in qcow2 format; ${notQcow2.join(', ')} ${notQcow2.length > 1 ? 'are' : 'is'} not.`
        : undefined;
  return {
    externalRevert: /<externalSnapshot\s*\/>/.test(capabilitiesXml),
    ...(internalBlocked ? { internalBlocked } : {}),
    agent,
    disks,
  };
}

export const UEFI_REASON =
  'This VM boots with UEFI: its firmware variables (NVRAM) live in a raw flash image, which cannot hold an ' +
  'internal snapshot while the VM runs. Take an external snapshot, or shut the VM down first.';
