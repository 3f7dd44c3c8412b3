// Test-only: one New VM plan to start from (an ISO install of Generic Linux 2022 on a new qcow2
// disk in vd-images, usermode NIC, VNC, TCG), each test or bench changing what it is about.
import type { NewVmPlan } from '../../api/wizard';
import { MiB } from '../../xml/units';

export function newVmPlan(changes: Partial<NewVmPlan> = {}): NewVmPlan {
  return {
    uuid: '00000000-0000-4000-8000-000000000001',
    name: 'vd-wz-custom',
    osId: 'http://libosinfo.org/linux/2022',
    windows: false,
    arch: 'x86_64',
    machine: 'q35',
    virtType: 'qemu',
    memoryBytes: 1024 * MiB,
    vcpus: 1,
    firmware: 'bios',
    secureBoot: false,
    tpm: false,
    media: { kind: 'cdrom', source: { pool: 'vd-images', volume: 'debian.iso' } },
    storage: { kind: 'new', pool: 'vd-images', capacityBytes: 1024 * MiB, format: 'qcow2' },
    network: { type: 'user' },
    diskBus: 'virtio',
    netModel: 'virtio',
    graphics: 'vnc',
    rng: true,
    start: false,
    ...changes,
  };
}
