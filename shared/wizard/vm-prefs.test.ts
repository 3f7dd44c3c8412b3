import { describe, expect, it } from 'vitest';
import { NewVmPrefs } from '../api/prefs';
import type { HostCapabilities } from '../api/wizard';
import { planToSpecs } from './plan-to-domain';
import { defaultsFor } from './vm-defaults';
import { withNewVmPrefs } from './vm-prefs';

function caps(over: { virtType?: string; efi?: boolean; graphics?: string[] } = {}): HostCapabilities {
  const efi = over.efi ?? true;
  return {
    arch: 'x86_64',
    virtTypes: [over.virtType ?? 'kvm'],
    virtType: over.virtType ?? 'kvm',
    arches: [],
    machine: 'pc-q35-8.2',
    firmware: { bios: true, efi, secureBoot: efi, loaders: [] },
    cpu: { modes: ['host-passthrough', 'host-model', 'maximum'], models: [] },
    devices: {
      diskBuses: ['virtio'],
      diskDevices: ['disk', 'cdrom'],
      graphics: over.graphics ?? ['spice', 'vnc'],
      video: ['virtio'],
      tpmModels: ['tpm-crb'],
      tpmBackends: ['emulator'],
      rngModels: ['virtio'],
      channelTypes: [],
      hostdevTypes: [],
      filesystemDrivers: [],
      redirdevBuses: [],
    },
    features: [],
    session: false,
  };
}
const prefs = (p: Partial<NewVmPrefs>) => NewVmPrefs.parse(p);

describe('the New VM defaults of the preferences', () => {
  it('leave virt-install’s choices alone on auto', () => {
    const d = defaultsFor(undefined, caps());
    expect(withNewVmPrefs(d, caps(), prefs({}))).toEqual({ ...d, storageFormat: 'qcow2' });
  });

  it('choose graphics, firmware, disk format and CPU mode where the host can', () => {
    const host = caps();
    const d = withNewVmPrefs(defaultsFor(undefined, host), host, {
      graphics: 'vnc',
      firmware: 'efi',
      storageFormat: 'raw',
      cpuMode: 'host-model',
    });
    expect(d).toMatchObject({
      graphics: 'vnc',
      firmware: 'efi',
      tpm: true,
      storageFormat: 'raw',
      cpuMode: 'host-model',
    });
  });

  it('fall back where the host cannot', () => {
    const host = caps({ virtType: 'qemu', efi: false, graphics: ['vnc'] });
    const d = withNewVmPrefs(
      defaultsFor(undefined, host),
      host,
      prefs({ graphics: 'spice', firmware: 'efi', cpuMode: 'host-passthrough' }),
    );
    expect(d).toMatchObject({ graphics: 'vnc', firmware: 'bios', tpm: false });
    expect(d.cpuMode).toBeUndefined();
  });

  it('reach the domain the wizard defines', () => {
    const host = caps();
    const d = withNewVmPrefs(
      defaultsFor(undefined, host),
      host,
      prefs({ cpuMode: 'host-model', graphics: 'vnc' }),
    );
    const { final } = planToSpecs({
      uuid: '2b1e9ad4-3f2b-4f7e-9a44-5f0b1d7f6c11',
      name: 'vd-zh-plan',
      windows: false,
      arch: d.arch,
      machine: d.machine,
      virtType: d.virtType,
      memoryBytes: d.memoryBytes,
      vcpus: d.vcpus,
      firmware: d.firmware,
      secureBoot: d.secureBoot,
      tpm: d.tpm,
      media: { kind: 'none' },
      storage: { kind: 'none' },
      network: { type: 'none' },
      diskBus: d.diskBus,
      netModel: d.netModel,
      graphics: d.graphics,
      ...(d.cpuMode ? { cpuMode: d.cpuMode } : {}),
      rng: d.rng,
      start: false,
    });
    expect(final).toMatchObject({ cpuMode: 'host-model', graphics: 'vnc' });
  });
});
