import type { DomainDisk, VolumeDeletion } from '../../../shared/api/domain-storage';
import type { DomainSummary } from '../../../shared/api/domains';
import { ApiError } from '../../../shared/api/errors';
import { parseDomainXml } from '../../../shared/xml/objects';
import { listDevices } from '../../../shared/xml/views/devices/device-list';
import { readDeviceElement } from '../../../shared/xml/views/devices/device-views';
import { parseKeyValues } from '../virsh/parse-list';
import type { VirshRunner } from '../virsh/virsh-runner';

interface RawDisk {
  target: string;
  device: DomainDisk['device'];
  path?: string;
  readonly: boolean;
  network: boolean;
}

/** The disks of a VM's inactive definition, from its XML. */
function disksOf(xml: string): RawDisk[] {
  const doc = parseDomainXml(xml);
  return listDevices(doc, 'disk').map(({ element }) => {
    const disk = readDeviceElement('disk', element);
    const path = disk.sourceFile ?? disk.sourceDev;
    return {
      target: disk.targetDev ?? '?',
      device: disk.device ?? 'disk',
      ...(path ? { path } : {}),
      readonly: disk.readonly === true || disk.device === 'cdrom',
      network: disk.type === 'network',
    };
  });
}

/**
 * What Delete offers to remove with a VM: each disk with its pool and volume (`vol-pool`,
 * `vol-info` by path), the other VMs that use the same path, and whether to check it by default
 * (virt-manager's rule: writable, in a pool, used by no other VM; CD-ROM media never).
 */
export async function readDomainDisks(
  shell: VirshRunner,
  domain: DomainSummary,
  others: readonly DomainSummary[],
): Promise<DomainDisk[]> {
  const [own, ...theirs] = await Promise.all([
    shell.run(['dumpxml', '--inactive', '--domain', domain.uuid]),
    ...others.map((d) => shell.run(['dumpxml', '--inactive', '--domain', d.uuid]).catch(() => '')),
  ]);
  const usedBy = new Map<string, string[]>();
  theirs.forEach((xml, i) => {
    if (!xml) return;
    for (const disk of disksOf(xml))
      if (disk.path) usedBy.set(disk.path, [...(usedBy.get(disk.path) ?? []), others[i]!.name]);
  });
  return Promise.all(
    disksOf(own).map(async (disk): Promise<DomainDisk> => {
      const sharedWith = disk.path ? (usedBy.get(disk.path) ?? []) : [];
      const base = { target: disk.target, device: disk.device, readonly: disk.readonly, sharedWith };
      if (!disk.path) {
        const notDeletable = disk.network ? 'a network disk' : 'no media';
        return { ...base, suggested: false, notDeletable };
      }
      const volume = await volumeAt(shell, disk.path);
      if (!volume)
        return { ...base, path: disk.path, suggested: false, notDeletable: 'not in a storage pool' };
      return {
        ...base,
        path: disk.path,
        ...volume,
        suggested: !disk.readonly && sharedWith.length === 0 && disk.device !== 'cdrom',
      };
    }),
  );
}

async function volumeAt(
  shell: VirshRunner,
  path: string,
): Promise<{ pool: string; volume: string; capacity?: number } | undefined> {
  try {
    const [pool, info] = await Promise.all([
      shell.run(['vol-pool', '--vol', path]),
      shell.run(['vol-info', '--vol', path, '--bytes']),
    ]);
    const values = parseKeyValues(info);
    const capacity = Number.parseInt(values.get('Capacity') ?? '', 10);
    return {
      pool: pool.trim(),
      volume: values.get('Name') ?? path,
      ...(Number.isFinite(capacity) ? { capacity } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Deletes the chosen volumes one by one (by path), reporting each; only paths of the VM's own disks. */
export async function deleteVolumes(
  shell: VirshRunner,
  disks: readonly DomainDisk[],
  paths: readonly string[],
): Promise<VolumeDeletion[]> {
  const deletable = new Set(disks.filter((d) => d.path && d.pool).map((d) => d.path!));
  return Promise.all(
    paths.map(async (path): Promise<VolumeDeletion> => {
      if (!deletable.has(path)) {
        return {
          path,
          ok: false,
          message: `${path} is not a volume of this VM in a storage pool; left in place`,
        };
      }
      try {
        await shell.run(['vol-delete', '--vol', path]);
        return { path, ok: true, message: `${path} deleted` };
      } catch (error) {
        const reason = error instanceof ApiError ? error.message : String(error);
        return { path, ok: false, message: `${path} could not be deleted: ${reason}` };
      }
    }),
  );
}
