// Where a disk or a NIC gets its data: the patches that the Details panes' pickers send through the
// one edit path. A disk source is written as its path (what virt-manager's storage browser does):
// `type='file'` with `<source file>`, or `type='block'` with `<source dev>` for a device node, and
// every other kind of source removed; a NIC source sets its type and the one source attribute that
// type uses.
import type { ViewPatch } from '../api/domain-edit';

export type DiskSourceChoice =
  | { kind: 'path'; path: string }
  /** A volume of a running pool, by its path on the host (the pool's `vol-list`). */
  | { kind: 'volume'; pool: string; volume: string; path: string };

const NO_DISK_SOURCE: ViewPatch = {
  sourceFile: null,
  sourceDev: null,
  sourcePool: null,
  sourceVolume: null,
  sourceProtocol: null,
  sourceName: null,
  sourceHost: null,
  sourcePort: null,
};

export function diskSourcePatch(choice: DiskSourceChoice): ViewPatch {
  const path = choice.path.trim();
  if (path.startsWith('/dev/')) return { ...NO_DISK_SOURCE, type: 'block', sourceDev: path };
  return { ...NO_DISK_SOURCE, type: 'file', sourceFile: path };
}

/** The disk's source as the pane shows it: a path, or `pool/volume`, or undefined (empty drive). */
export function diskSourceText(disk: {
  sourceFile?: string | undefined;
  sourceDev?: string | undefined;
  sourcePool?: string | undefined;
  sourceVolume?: string | undefined;
}): string | undefined {
  return (
    disk.sourceFile ??
    disk.sourceDev ??
    (disk.sourceVolume ? `${disk.sourcePool ?? ''}/${disk.sourceVolume}` : undefined)
  );
}

export type NicSourceChoice =
  | { kind: 'network'; network: string }
  | { kind: 'bridge'; bridge: string }
  /** macvtap on a host interface. */
  | { kind: 'direct'; dev: string; mode: 'vepa' | 'bridge' | 'private' | 'passthrough' };

const NO_NIC_SOURCE: ViewPatch = {
  sourceNetwork: null,
  portgroup: null,
  sourceBridge: null,
  sourceDev: null,
  sourceMode: null,
  sourcePci: null,
};

export function nicSourcePatch(choice: NicSourceChoice): ViewPatch {
  switch (choice.kind) {
    case 'network':
      return { ...NO_NIC_SOURCE, type: 'network', sourceNetwork: choice.network };
    case 'bridge':
      return { ...NO_NIC_SOURCE, type: 'bridge', sourceBridge: choice.bridge };
    case 'direct':
      return { ...NO_NIC_SOURCE, type: 'direct', sourceDev: choice.dev, sourceMode: choice.mode };
  }
}

/** A NIC's source as the picker shows it; `other` for types it does not choose (user, hostdev, …). */
export function nicSourceOf(nic: {
  type?: string | undefined;
  sourceNetwork?: string | undefined;
  sourceBridge?: string | undefined;
  sourceDev?: string | undefined;
  sourceMode?: string | undefined;
}): NicSourceChoice | { kind: 'other'; type: string } {
  if (nic.type === 'network' && nic.sourceNetwork) return { kind: 'network', network: nic.sourceNetwork };
  if (nic.type === 'bridge' && nic.sourceBridge) return { kind: 'bridge', bridge: nic.sourceBridge };
  if (nic.type === 'direct' && nic.sourceDev)
    return {
      kind: 'direct',
      dev: nic.sourceDev,
      mode:
        (['vepa', 'bridge', 'private', 'passthrough'] as const).find((m) => m === nic.sourceMode) ?? 'vepa',
    };
  return { kind: 'other', type: nic.type ?? 'user' };
}
