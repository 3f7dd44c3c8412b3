import type { DomainDisk, VolumeDeletion } from '../../../shared/api/domain-storage';
import type { DomainSummary } from '../../../shared/api/domains';
import { ApiError } from '../../../shared/api/errors';
import { parseKeyValues } from '../virsh/parse-list';
import type { VirshRunner } from '../virsh/virsh-runner';
import { readDefinedDisks, readDiskUsers, type DiskReference } from './disk-references';

/**
 * What Delete offers to remove with a VM: each disk with its pool and volume (`vol-pool`,
 * `vol-info` by path), the other VMs that use the same volume (read by `disk-references.ts`, the
 * same reader as the volumes list's "used by"), and whether to check it by default
 * (virt-manager's rule: writable, in a pool, used by no other VM; CD-ROM media never).
 */
export async function readDomainDisks(
  shell: VirshRunner,
  domain: DomainSummary,
  others: readonly DomainSummary[],
): Promise<DomainDisk[]> {
  const [own, users] = await Promise.all([
    readDefinedDisks(shell, domain.uuid),
    readDiskUsers(shell, others),
  ]);
  return Promise.all(
    own.map(async (disk): Promise<DomainDisk> => {
      const path = disk.path ?? (await poolVolumePath(shell, disk));
      const volume = path ? await volumeAt(shell, path) : undefined;
      // Other VMs may name the same volume by path or by pool and volume.
      const sharedWith = users
        .of({
          ...(path ? { path } : {}),
          ...(volume ? { pool: volume.pool, name: volume.volume } : {}),
          ...(disk.pool && disk.volume ? { pool: disk.pool, name: disk.volume } : {}),
        })
        .map((u) => u.name);
      const base = { target: disk.target, device: disk.device, readonly: disk.readonly, sharedWith };
      if (!path) {
        const notDeletable = disk.network ? 'a network disk' : 'no media';
        return { ...base, suggested: false, notDeletable };
      }
      if (!volume) return { ...base, path, suggested: false, notDeletable: 'not in a storage pool' };
      return {
        ...base,
        path,
        ...volume,
        suggested: !disk.readonly && sharedWith.length === 0 && disk.device !== 'cdrom',
      };
    }),
  );
}

/** The path of a `<source pool volume>` disk (`vol-path`); undefined when the volume is gone. */
async function poolVolumePath(shell: VirshRunner, disk: DiskReference): Promise<string | undefined> {
  if (!disk.pool || !disk.volume) return undefined;
  try {
    return (await shell.run(['vol-path', '--pool', disk.pool, disk.volume])).trim() || undefined;
  } catch {
    return undefined;
  }
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
