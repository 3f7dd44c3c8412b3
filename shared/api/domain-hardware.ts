import { z } from 'zod';
import { EditResult, ViewPatch } from './domain-edit';
import { VolumeDeletion } from './domain-storage';
import { domainRef } from './refs';

/** The kinds of hardware the Add Hardware dialog offers (virt-manager's list, and more). */
export const HARDWARE_KINDS = [
  'storage',
  'controller',
  'network',
  'input',
  'graphics',
  'sound',
  'serial',
  'parallel',
  'console',
  'channel',
  'usb-host',
  'pci-host',
  'mdev',
  'video',
  'watchdog',
  'filesystem',
  'smartcard',
  'usb-redir',
  'tpm',
  'rng',
  'panic',
  'vsock',
  'memballoon',
  'iommu',
] as const;
export type HardwareKind = (typeof HARDWARE_KINDS)[number];

/** One device the Add Hardware dialog adds: its kind (the dialog's word) and its view settings. */
export const NewHardware = z.object({
  kind: z.enum(HARDWARE_KINDS),
  settings: ViewPatch,
});
export type NewHardware = z.infer<typeof NewHardware>;

/** A new volume for a new disk: created (sparse) in the pool just before the define. */
export const NewDiskVolume = z.object({
  pool: z.string().min(1).max(255),
  name: z.string().min(1).max(255),
  format: z.enum(['qcow2', 'raw']),
  capacityBytes: z.number().int().positive(),
});
export type NewDiskVolume = z.infer<typeof NewDiskVolume>;

const hardwareRequest = domainRef.extend({
  /** The inactive XML the dialog was opened with (stale-edit protection). */
  baseXml: z.string().max(1_048_576),
  preview: z.boolean().default(false),
});

export const domainHardwareCalls = {
  /**
   * Add devices (several: a whole IOMMU group) through the one edit path: checks, define, then
   * `attach-device --live` on a running VM. Each device is a field `device:KEY` in the result.
   */
  'domains/add-device': {
    request: hardwareRequest.extend({
      devices: z.array(NewHardware).min(1).max(32),
      newVolume: NewDiskVolume.optional(),
    }),
    response: EditResult,
  },
  /** Remove a device: define without it, `detach-device --live` on a running VM; a disk's volume on request. */
  'domains/remove-device': {
    request: hardwareRequest.extend({
      key: z.string().min(1).max(256),
      deleteStorage: z.boolean().default(false),
    }),
    response: z.object({ result: EditResult, volumes: z.array(VolumeDeletion) }),
  },
} as const;
