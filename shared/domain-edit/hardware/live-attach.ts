// Whether a new device can be attached to a running VM now or only takes effect after its next
// shutdown: libvirt 9.0 / QEMU 7.2's hotplug rules per kind (see docs/hardware.md's table, measured
// by add-hardware.int.test.ts). The add itself always tries `attach-device --live` and reports what
// libvirt did; this is what the dialog says before Finish.
import type { HardwareKind } from '../../api/domain-hardware';

/** `now`: libvirt hot-plugs it; `later`: refused live, saved for the next boot; `host`: depends on the host. */
export type LiveAttach = 'now' | 'later' | 'host';

export interface LiveAttachAnswer {
  attach: LiveAttach;
  /** Why (a key under `hardware.live.reason.`): the bus, the kind, what the host needs. */
  reason: string;
  /** What the reason names (`{{bus}}`, `{{type}}`). */
  values?: Record<string, string>;
}

const HOTPLUG_DISK_BUSES = new Set(['virtio', 'scsi', 'usb']);
const HOTPLUG_CONTROLLERS = new Set(['scsi', 'virtio-serial']);
const HOTPLUG_INPUT_BUSES = new Set(['usb', 'virtio']);

/** What libvirt does with a new device of this kind (and settings) on a running VM. */
export function liveAttach(
  kind: HardwareKind,
  settings: Readonly<Record<string, unknown>>,
  variant?: string,
): LiveAttachAnswer {
  const s = (key: string) => (typeof settings[key] === 'string' ? (settings[key] as string) : undefined);
  switch (kind) {
    case 'storage': {
      const device = s('device') ?? variant ?? 'disk';
      if (device === 'cdrom' || device === 'floppy') return { attach: 'later', reason: 'media' };
      const bus = s('targetBus') ?? 'virtio';
      return HOTPLUG_DISK_BUSES.has(bus)
        ? { attach: 'now', reason: 'bus-hotplug', values: { bus } }
        : { attach: 'later', reason: 'bus-fixed', values: { bus } };
    }
    case 'controller':
      return HOTPLUG_CONTROLLERS.has(s('type') ?? 'usb')
        ? { attach: 'now', reason: 'kind-hotplug' }
        : { attach: 'later', reason: 'controller', values: { type: s('type') ?? 'usb' } };
    case 'input':
      return HOTPLUG_INPUT_BUSES.has(s('bus') ?? 'usb')
        ? { attach: 'now', reason: 'kind-hotplug' }
        : { attach: 'later', reason: 'bus-fixed', values: { bus: s('bus') ?? '' } };
    case 'network':
      return (s('type') ?? variant) === 'hostdev'
        ? { attach: 'host', reason: 'vfio' }
        : { attach: 'host', reason: 'network' };
    case 'watchdog':
    case 'rng':
    case 'usb-redir':
      return { attach: 'now', reason: 'kind-hotplug' };
    case 'filesystem':
      return (s('driverType') ?? variant) === 'virtiofs'
        ? { attach: 'host', reason: 'virtiofs' }
        : { attach: 'later', reason: 'kind-fixed' };
    case 'console':
    case 'channel':
      return { attach: 'host', reason: 'virtio-serial' };
    case 'pci-host':
    case 'mdev':
      return { attach: 'host', reason: 'vfio' };
    case 'usb-host':
      return { attach: 'host', reason: 'usb' };
    case 'vsock':
      return { attach: 'host', reason: 'vsock' };
    case 'serial':
    case 'parallel':
    case 'graphics':
    case 'sound':
    case 'video':
    case 'smartcard':
    case 'tpm':
    case 'panic':
    case 'memballoon':
    case 'iommu':
      return { attach: 'later', reason: 'kind-fixed' };
  }
}
