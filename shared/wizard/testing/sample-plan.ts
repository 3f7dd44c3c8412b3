// Test-only: a New VM plan as the wizard makes it for a small Linux guest under TCG (q35, BIOS,
// 1 GiB, one vCPU, usermode NIC, VNC, an RNG), for the wizard's unit, integration and bench code.
// Each caller names what its guest differs in (name, media, storage, start, …).
import type { NewVmPlan } from '../../api/wizard';
import { MiB } from '../../xml/units';

export function samplePlan(overrides: Partial<NewVmPlan> & Pick<NewVmPlan, 'name'>): NewVmPlan {
  return {
    uuid: '00000000-0000-4000-8000-000000000001',
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
    media: { kind: 'none' },
    storage: { kind: 'none' },
    network: { type: 'user' },
    diskBus: 'virtio',
    netModel: 'virtio',
    graphics: 'vnc',
    rng: true,
    start: true,
    ...overrides,
  };
}
