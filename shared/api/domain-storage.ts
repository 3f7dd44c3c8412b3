import { z } from 'zod';
import { domainRef } from './refs';

/** A VM's disk as Delete shows it: where it lives, and whether deleting it is a good idea. */
export const DomainDisk = z.object({
  /** Guest device name (vda, sdb, …). */
  target: z.string(),
  device: z.enum(['disk', 'cdrom', 'floppy', 'lun']),
  /** File or block device path on the host; absent for network disks and empty CD-ROM drives. */
  path: z.string().optional(),
  /** The storage pool and volume holding it; absent when the path is outside every pool. */
  pool: z.string().optional(),
  volume: z.string().optional(),
  capacity: z.number().nonnegative().optional(),
  readonly: z.boolean(),
  /** Other VMs of this host whose disks use the same path. */
  sharedWith: z.array(z.string()),
  /** Checked in the dialog by default: a writable disk in a pool that no other VM uses. */
  suggested: z.boolean(),
  /** Why it cannot be deleted with the VM (not in a pool, network disk, …). */
  notDeletable: z.string().optional(),
});
export type DomainDisk = z.infer<typeof DomainDisk>;

export const VolumeDeletion = z.object({ path: z.string(), ok: z.boolean(), message: z.string() });
export type VolumeDeletion = z.infer<typeof VolumeDeletion>;

export const domainStorageCalls = {
  'domains/disks': { request: domainRef, response: z.array(DomainDisk) },
  /** Delete the VM (stopping it first), then the chosen volumes, each reported. */
  'domains/delete': {
    request: domainRef.extend({ deleteVolumes: z.array(z.string().min(1).max(4096)).max(256) }),
    response: z.object({ message: z.string(), volumes: z.array(VolumeDeletion) }),
  },
} as const;
