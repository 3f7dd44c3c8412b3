import type { DomainDisk } from '../../../shared/api/domain-storage';
import type { DomainSummary } from '../../../shared/api/domains';
import type { VolumeUser } from '../../../shared/api/volumes';
import { parseDomainXml } from '../../../shared/xml/objects';
import { listDevices } from '../../../shared/xml/views/devices/device-list';
import { readDeviceElement } from '../../../shared/xml/views/devices/device-views';
import type { VirshRunner } from '../virsh/virsh-runner';

/**
 * The one reader of the disks a domain's XML references. Both "used by" of the volumes list and
 * Delete-with-storage (`domains/disks`) read disks through here.
 */
export interface DiskReference {
  target: string;
  device: DomainDisk['device'];
  /** `<source file>` or `<source dev>`. */
  path?: string;
  /** `<source pool volume>` (a disk of type "volume"). */
  pool?: string;
  volume?: string;
  readonly: boolean;
  network: boolean;
}

export interface DomainDiskReferences {
  domain: DomainSummary;
  disks: DiskReference[];
}

/** The disks of one domain XML document. */
export function diskReferences(xml: string): DiskReference[] {
  return listDevices(parseDomainXml(xml), 'disk').map(({ element }) => {
    const disk = readDeviceElement('disk', element);
    const path = disk.sourceFile ?? disk.sourceDev;
    return {
      target: disk.targetDev ?? '?',
      device: disk.device ?? 'disk',
      ...(path ? { path } : {}),
      ...(disk.sourcePool && disk.sourceVolume ? { pool: disk.sourcePool, volume: disk.sourceVolume } : {}),
      readonly: disk.readonly === true || disk.device === 'cdrom',
      network: disk.type === 'network',
    };
  });
}

export function isRunning(domain: DomainSummary): boolean {
  return domain.state !== 'shut off' && domain.state !== 'crashed';
}

/** A domain's disks as its next boot sees them (the inactive definition). */
export async function readDefinedDisks(shell: VirshRunner, uuid: string): Promise<DiskReference[]> {
  return diskReferences(await shell.run(['dumpxml', '--inactive', '--domain', uuid]));
}

/**
 * The disks every domain references, pipelined: the inactive definition, and for a running domain
 * its live XML too (a disk attached only to the running VM is in use as much as a defined one).
 * A domain that vanished meanwhile contributes nothing.
 */
export async function readAllDiskReferences(
  shell: VirshRunner,
  domains: readonly DomainSummary[],
): Promise<DomainDiskReferences[]> {
  const read = (argv: string[]) => shell.run(argv).then(diskReferences, () => [] as DiskReference[]);
  return Promise.all(
    domains.map(async (domain) => {
      const [defined, live] = await Promise.all([
        read(['dumpxml', '--inactive', '--domain', domain.uuid]),
        isRunning(domain) ? read(['dumpxml', '--domain', domain.uuid]) : Promise.resolve([]),
      ]);
      return { domain, disks: [...defined, ...live] };
    }),
  );
}

/** The key a disk is found under: its path, or its pool and volume (`<source pool volume>`). */
export function pathKey(path: string): string {
  return `path:${path}`;
}
export function volumeKey(pool: string, volume: string): string {
  return `volume:${pool}\u0000${volume}`;
}

/** Who uses what: every path and pool volume, with the domains whose disks reference it (each once). */
export class DiskUsers {
  private readonly byKey = new Map<string, VolumeUser[]>();

  constructor(all: readonly DomainDiskReferences[]) {
    for (const { domain, disks } of all) {
      const keys = new Set<string>();
      for (const disk of disks) {
        if (disk.path) keys.add(pathKey(disk.path));
        if (disk.pool && disk.volume) keys.add(volumeKey(disk.pool, disk.volume));
      }
      const user = { uuid: domain.uuid, name: domain.name, running: isRunning(domain) };
      for (const key of keys) this.byKey.set(key, [...(this.byKey.get(key) ?? []), user]);
    }
  }

  /** The domains using a volume, by its path and (when known) its pool and name. */
  of(volume: { path?: string; pool?: string; name?: string }): VolumeUser[] {
    const found = new Map<string, VolumeUser>();
    const keys = [
      ...(volume.path ? [pathKey(volume.path)] : []),
      ...(volume.pool && volume.name ? [volumeKey(volume.pool, volume.name)] : []),
    ];
    for (const key of keys) for (const user of this.byKey.get(key) ?? []) found.set(user.uuid, user);
    return [...found.values()];
  }
}

/** Reads every domain's disks and indexes them by what they reference. */
export async function readDiskUsers(
  shell: VirshRunner,
  domains: readonly DomainSummary[],
): Promise<DiskUsers> {
  return new DiskUsers(await readAllDiskReferences(shell, domains));
}
