import type { CloneDiskMode, CloneDiskPlan } from '../../../shared/api/domain-clone';
import { defaultCloneVolume, freeName } from '../../../shared/api/domain-clone';
import type { DomainDisk } from '../../../shared/api/domain-storage';
import type { DomainSummary } from '../../../shared/api/domains';
import { parseDomainXml, readOs } from '../../../shared/xml';
import { readDomainDisks } from '../domains/domain-disks';
import type { VirshRunner } from '../virsh/virsh-runner';

/** Whether a disk can be copied into a new volume, and if not, why. */
function cloneability(disk: DomainDisk): string | undefined {
  if (disk.device === 'cdrom' || disk.device === 'floppy') return 'removable media are shared, not copied';
  if (disk.readonly) return 'read-only: shared, not copied';
  if (!disk.path) return disk.notDeletable ?? 'no source';
  if (!disk.pool || !disk.volume) return 'not in a storage pool: VirtDesk copies pool volumes only';
  return undefined;
}

/** virt-manager's defaults: own writable volumes cloned, media and read-only disks shared, the rest left out. */
function suggestion(disk: DomainDisk, notCloneable: string | undefined): CloneDiskMode {
  if (!notCloneable) return 'clone';
  if (disk.device === 'cdrom' || disk.device === 'floppy' || disk.readonly || !disk.path) return 'share';
  return 'none';
}

/** What Clone offers for a VM: a free name, whether it boots with UEFI, and each disk's choice. */
export async function readClonePlan(
  shell: VirshRunner,
  domain: DomainSummary,
  others: readonly DomainSummary[],
): Promise<{ name: string; uefi: boolean; disks: CloneDiskPlan[] }> {
  const [disks, xml] = await Promise.all([
    readDomainDisks(shell, domain, others),
    shell.run(['dumpxml', '--inactive', '--domain', domain.uuid]),
  ]);
  const os = readOs(parseDomainXml(xml));
  const name = freeName(`${domain.name}-clone`, new Set([domain.name, ...others.map((d) => d.name)]));
  return {
    name,
    uefi: os.firmware === 'efi' || os.loaderType === 'pflash',
    disks: disks.map((disk): CloneDiskPlan => {
      const notCloneable = cloneability(disk);
      return {
        target: disk.target,
        device: disk.device,
        readonly: disk.readonly,
        ...(disk.path ? { path: disk.path } : {}),
        ...(disk.pool ? { pool: disk.pool } : {}),
        ...(disk.volume ? { volume: disk.volume } : {}),
        ...(disk.capacity !== undefined ? { capacity: disk.capacity } : {}),
        suggested: suggestion(disk, notCloneable),
        ...(notCloneable ? { notCloneable } : {}),
        ...(disk.volume && !notCloneable
          ? {
              suggestedVolume: defaultCloneVolume(name, {
                vmName: domain.name,
                volume: disk.volume,
                target: disk.target,
              }),
            }
          : {}),
      };
    }),
  };
}
