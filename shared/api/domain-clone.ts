import { z } from 'zod';
import { domainRef } from './refs';

/** What Clone does with one disk: copy it into a new volume, let both VMs use it, or leave it out. */
export const CloneDiskMode = z.enum(['clone', 'share', 'none']);
export type CloneDiskMode = z.infer<typeof CloneDiskMode>;

/** One disk of the source as the Clone dialog offers it. */
export const CloneDiskPlan = z.object({
  target: z.string(),
  device: z.enum(['disk', 'cdrom', 'floppy', 'lun']),
  path: z.string().optional(),
  pool: z.string().optional(),
  volume: z.string().optional(),
  capacity: z.number().nonnegative().optional(),
  readonly: z.boolean(),
  /** What the dialog selects first (virt-manager's rule: own writable volumes cloned, media shared). */
  suggested: CloneDiskMode,
  /** Why it cannot be cloned into a new volume (not in a pool, a network disk, no media), if so. */
  notCloneable: z.string().optional(),
  /** A free volume name in the same pool, for the default clone name. */
  suggestedVolume: z.string().optional(),
});
export type CloneDiskPlan = z.infer<typeof CloneDiskPlan>;

/** VM names travel on virsh command lines and into XML; libvirt refuses "/" in them. */
export const CloneName = z
  .string()
  .trim()
  .min(1, 'The clone needs a name')
  .max(200)
  .refine((s) => !/[\x00-\x1f\x7f/]/.test(s), 'A VM name cannot contain "/" or control characters');

export const VolumeName = z
  .string()
  .trim()
  .min(1, 'A new volume needs a name')
  .max(255)
  .refine((s) => !/[\x00-\x1f\x7f/]/.test(s), 'A volume name cannot contain "/" or control characters');

export const CloneRequest = domainRef.extend({
  name: CloneName,
  disks: z
    .array(
      z.object({
        target: z.string().min(1).max(32),
        mode: CloneDiskMode,
        /** For `clone`: the new volume's name in the source's pool. */
        newVolume: VolumeName.optional(),
      }),
    )
    .max(64),
});
export type CloneRequest = z.input<typeof CloneRequest>;

export const domainCloneCalls = {
  /** The source's disks with what Clone would do, and a free name for the clone. */
  'domains/clone-plan': {
    request: domainRef,
    response: z.object({ name: z.string(), uefi: z.boolean(), disks: z.array(CloneDiskPlan) }),
  },
  /** Runs as a job (progress, Cancel); the call answers when the clone is defined. */
  'domains/clone': {
    request: CloneRequest,
    response: z.object({ message: z.string(), uuid: z.string() }),
  },
} as const;

/**
 * The new volume's name for a cloned disk: the source volume's name with the source VM's name
 * replaced by the clone's (`web.qcow2` → `web-clone.qcow2`), else `<clone>-<target><extension>`.
 */
export function defaultCloneVolume(
  cloneName: string,
  source: { vmName: string; volume: string; target: string },
): string {
  if (source.vmName !== '' && source.volume.includes(source.vmName))
    return source.volume.replace(source.vmName, cloneName);
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(source.volume)?.[0] ?? '';
  return `${cloneName}-${source.target}${extension}`;
}

/** `<base>`, or `<base>-2`, `<base>-3`, … : the first not in `taken`. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
