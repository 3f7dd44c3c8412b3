import { z } from 'zod';

/**
 * A host device a VM's XML hands to it: `<hostdev type='pci|usb|mdev|scsi'>` or
 * `<interface type='hostdev'>` (a PCI function, usually an SR-IOV VF). Matched against node devices
 * to say "in use by VM …".
 */
export const HostDeviceRef = z.discriminatedUnion('type', [
  /** `0000:01:00.1`. */
  z.object({ type: z.literal('pci'), address: z.string() }),
  z.object({
    type: z.literal('usb'),
    vendorId: z.string().optional(),
    productId: z.string().optional(),
    bus: z.number().int().optional(),
    device: z.number().int().optional(),
  }),
  z.object({ type: z.literal('mdev'), uuid: z.string() }),
  z.object({
    type: z.literal('scsi'),
    /** `scsi_host0`. */
    adapter: z.string(),
    bus: z.number().int(),
    target: z.number().int(),
    unit: z.number().int(),
  }),
]);
export type HostDeviceRef = z.infer<typeof HostDeviceRef>;
