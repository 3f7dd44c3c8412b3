import { z } from 'zod';
import { hostRef } from './refs';

/** A vendor or product: libvirt's hex id and, where the host's ID database knows it, its name. */
export const DeviceId = z.object({ id: z.string().optional(), name: z.string().optional() });
export type DeviceId = z.infer<typeof DeviceId>;

/** A PCI function's SR-IOV relations, by PCI address (`0000:02:10.7`). */
export const SriovRelations = z.object({
  /** This is a virtual function of that physical function. */
  physicalFunction: z.string().optional(),
  /** This physical function's virtual functions (as created now). */
  virtualFunctions: z.array(z.string()),
  /** How many virtual functions the physical function can have (`maxCount`). */
  maxVirtualFunctions: z.number().int().nonnegative().optional(),
});
export type SriovRelations = z.infer<typeof SriovRelations>;

/** One node device as `virsh nodedev-dumpxml` describes it (the fields VirtDesk shows and matches on). */
export const NodeDevice = z.object({
  /** libvirt's name: `pci_0000_01_00_0`, `usb_2_1`, `net_eth0_…`, `mdev_…`. */
  name: z.string(),
  parent: z.string().optional(),
  /** The sysfs path. */
  path: z.string().optional(),
  /**
   * The first capability's type: pci, usb_device, usb, net, storage, scsi_host, scsi_target, scsi,
   * scsi_generic, mdev, drm, system, ccw, css, ap_*, vdpa, … (libvirt's words).
   */
  kind: z.string(),
  /** Every capability type the device has, nested ones included (virt_functions, mdev_types, …). */
  capabilities: z.array(z.string()),
  /** The host driver bound now (vfio-pci once detached), if libvirt reports one. */
  driver: z.string().optional(),
  vendor: DeviceId.optional(),
  product: DeviceId.optional(),
  /** PCI only. */
  pci: z
    .object({
      address: z.string(),
      /** `0x030000`. */
      class: z.string().optional(),
      /** `<iommuGroup number>` and the PCI address of every member (this function included). */
      iommuGroup: z
        .object({ number: z.number().int().nonnegative(), members: z.array(z.string()) })
        .optional(),
      sriov: SriovRelations.optional(),
    })
    .optional(),
  usb: z.object({ bus: z.number().int(), device: z.number().int() }).optional(),
  net: z
    .object({ interface: z.string(), mac: z.string().optional(), link: z.string().optional() })
    .optional(),
  storage: z
    .object({ block: z.string().optional(), model: z.string().optional(), sizeBytes: z.number().optional() })
    .optional(),
  /** SCSI device: host:bus:target:lun. */
  scsi: z.object({ host: z.number(), bus: z.number(), target: z.number(), lun: z.number() }).optional(),
  mdev: z.object({ uuid: z.string().optional(), type: z.string().optional() }).optional(),
});
export type NodeDevice = z.infer<typeof NodeDevice>;

/** A VM that uses a device (a `<hostdev>` or `<interface type='hostdev'>` in its XML). */
export const DeviceUser = z.object({
  uuid: z.string(),
  name: z.string(),
  /** The VM is running (absent when its state is unknown). */
  running: z.boolean().optional(),
  /**
   * Attached to the running VM now (its live XML); false: only in its definition (a shut-off VM, or
   * a running VM's next boot). Absent when the VM's state is unknown.
   */
  attached: z.boolean().optional(),
});
export type DeviceUser = z.infer<typeof DeviceUser>;

/** A device with what is known from the rest of the host: who uses it, its SR-IOV partners by name. */
export const NodeDeviceView = NodeDevice.extend({
  usedBy: z.array(DeviceUser),
  /** SR-IOV physical function's node device name (for a VF). */
  physicalFunctionName: z.string().optional(),
  /** SR-IOV virtual functions' node device names (for a PF). */
  virtualFunctionNames: z.array(z.string()),
});
export type NodeDeviceView = z.infer<typeof NodeDeviceView>;

/** One IOMMU group: everything in it is handed to a VM together. */
export const IommuGroup = z.object({
  number: z.number().int().nonnegative(),
  members: z.array(
    z.object({
      address: z.string(),
      /** The member's node device, when the host listed it. */
      device: z.string().optional(),
      product: z.string().optional(),
      driver: z.string().optional(),
      usedBy: z.array(DeviceUser),
    }),
  ),
});
export type IommuGroup = z.infer<typeof IommuGroup>;

/** How the host's devices were listed, and whether changes arrive by themselves. */
export const NodeDeviceListing = z.object({
  /** False: the driver refused `nodedev-list`; `notice` says so and what was shown instead. */
  complete: z.boolean(),
  notice: z.string().optional(),
  /** True: `virsh nodedev-event` keeps the list current; false: Refresh reads it again. */
  live: z.boolean(),
});
export type NodeDeviceListing = z.infer<typeof NodeDeviceListing>;

export const NodeDeviceDelta = z.object({
  hostId: z.string(),
  reset: z.boolean(),
  upsert: z.array(NodeDevice),
  remove: z.array(z.string()),
});
export type NodeDeviceDelta = z.infer<typeof NodeDeviceDelta>;

export const NodeDeviceAction = z.enum(['detach', 'reattach']);
export type NodeDeviceAction = z.infer<typeof NodeDeviceAction>;

const deviceRef = hostRef.extend({ name: z.string().min(1).max(256) });

export const nodeDeviceCalls = {
  /** Every node device, parsed, with IOMMU groups, SR-IOV partners and the VMs using each. */
  'nodedevices/list': {
    request: hostRef.extend({ refresh: z.boolean().default(false) }),
    response: z.object({
      devices: z.array(NodeDeviceView),
      groups: z.array(IommuGroup),
      listing: NodeDeviceListing,
    }),
  },
  'nodedevices/xml': { request: deviceRef, response: z.object({ xml: z.string() }) },
  /** `nodedev-detach` / `nodedev-reattach`; the device (and its group) re-read afterwards. */
  'nodedevices/action': {
    request: deviceRef.extend({ action: NodeDeviceAction }),
    response: z.object({ message: z.string(), devices: z.array(NodeDevice) }),
  },
} as const;

export const nodeDeviceEvents = {
  'nodedevices/delta': NodeDeviceDelta,
} as const;
