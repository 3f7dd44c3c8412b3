import { describe, expect, it } from 'vitest';
import { parseDomainXml, serializeDomainXml } from '../objects';
import { GiB } from '../units';
import { expectValid } from '../testing/validate';
import { readCpu, readVcpu } from '../views/domain-cpu';
import { readFeatures, readClock } from '../views/domain-features';
import { readMemory } from '../views/domain-memory';
import { readOs } from '../views/domain-os';
import { getMetadata } from '../views/domain-metadata';
import { listDevices } from '../views/devices/device-list';
import { readDevice } from '../views/devices/device-views';
import { buildNewDomain, type NewDomainSpec } from './new-domain';

const fixedRandom = (): number => 0.5;

function build(spec: NewDomainSpec): { xml: string; doc: ReturnType<typeof parseDomainXml> } {
  const xml = serializeDomainXml(buildNewDomain(spec, fixedRandom));
  expectValid(xml, 'domain');
  return { xml, doc: parseDomainXml(xml) };
}

const linux: NewDomainSpec = {
  name: 'fedora40',
  memoryBytes: 2 * GiB,
  vcpus: 2,
  osId: 'http://fedoraproject.org/fedora/40',
  disks: [
    { source: { file: '/var/lib/libvirt/images/fedora40.qcow2' } },
    { device: 'cdrom', source: { file: '/iso/Fedora-40.iso' }, format: 'iso' },
  ],
  nics: [{ type: 'network' }],
};

describe('new domains, as virt-install would make them', () => {
  it('a Linux guest on KVM: q35, virtio, qcow2+discard, tablet, serial console, agent, rng, SPICE', () => {
    const { xml, doc } = build(linux);
    expect(readOs(doc)).toMatchObject({ type: 'hvm', arch: 'x86_64', machine: 'q35', boot: [{ dev: 'hd' }] });
    expect(readOs(doc).firmware).toBeUndefined();
    expect(readMemory(doc)).toEqual({ memory: 2 * GiB, currentMemory: 2 * GiB });
    expect(readVcpu(doc)).toMatchObject({ count: 2, placement: 'static' });
    expect(readCpu(doc)).toMatchObject({ mode: 'host-passthrough', check: 'none', migratable: true });
    expect(readFeatures(doc)).toMatchObject({ acpi: true, apic: true, vmport: false });
    expect(readClock(doc).timers).toEqual([
      { name: 'rtc', tickpolicy: 'catchup' },
      { name: 'pit', tickpolicy: 'delay' },
      { name: 'hpet', present: false },
    ]);
    expect(getMetadata(doc, 'http://libosinfo.org/xmlns/libvirt/domain/1.0')).toContain(
      'id="http://fedoraproject.org/fedora/40"',
    );
    const keys = listDevices(doc).map((d) => d.key);
    expect(keys.filter((k) => k.startsWith('controller:pci/'))).toHaveLength(15);
    expect(keys).toEqual(
      expect.arrayContaining([
        'disk:vda',
        'disk:sda',
        'controller:usb/0',
        'interface:52:54:00:80:80:80',
        'serial:port0',
        'console:port0',
        'channel:org.qemu.guest_agent.0',
        'channel:com.redhat.spice.0',
        'input:tablet/usb',
        'graphics:spice',
        'sound:#0',
        'video:#0',
        'redirdev:#0',
        'redirdev:#1',
        'memballoon:only',
        'rng:#0',
      ]),
    );
    expect(readDevice(doc, 'disk', 'disk:vda')).toMatchObject({
      format: 'qcow2',
      discard: 'unmap',
      targetBus: 'virtio',
    });
    expect(readDevice(doc, 'disk', 'disk:sda')).toMatchObject({
      device: 'cdrom',
      targetBus: 'sata',
      readonly: true,
    });
    expect(readDevice(doc, 'controller', 'controller:usb/0')).toMatchObject({
      model: 'qemu-xhci',
      ports: 15,
    });
    expect(readDevice(doc, 'interface', 'interface:52:54:00:80:80:80')).toMatchObject({
      sourceNetwork: 'default',
      model: 'virtio',
    });
    expect(readDevice(doc, 'rng', 'rng:#0')).toMatchObject({ backendDevice: '/dev/urandom' });
    expect(keys).not.toContain('tpm:only');
    // Devices come out in libvirt's order.
    const order = [
      '<disk',
      '<controller',
      '<interface',
      '<serial',
      '<console',
      '<channel',
      '<input',
      '<graphics',
      '<sound',
      '<video',
      '<redirdev',
      '<memballoon',
      '<rng',
    ];
    const positions = order.map((tag) => xml.indexOf(tag));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('Windows on UEFI with Secure Boot: TPM, SMM, Hyper-V enlightenments, localtime clock', () => {
    const { doc } = build({
      ...linux,
      name: 'win11',
      firmware: 'efi',
      secureBoot: true,
      windows: true,
      memoryBytes: 4 * GiB,
      disks: [{ source: { file: '/var/lib/libvirt/images/win11.qcow2' }, bus: 'sata' }],
    });
    expect(readOs(doc)).toMatchObject({ firmware: 'efi', loaderSecure: true });
    expect(readFeatures(doc)).toMatchObject({
      smm: true,
      hvRelaxed: true,
      hvVapic: true,
      hvSpinlockRetries: 8191,
      hvSynic: true,
      hvStimer: true,
    });
    expect(readClock(doc).offset).toBe('localtime');
    expect(readClock(doc).timers).toContainEqual({ name: 'hypervclock', present: true });
    expect(readDevice(doc, 'tpm', 'tpm:only')).toEqual({
      model: 'tpm-crb',
      backendType: 'emulator',
      backendVersion: '2.0',
    });
    expect(readDevice(doc, 'disk', 'disk:sda')).toMatchObject({ targetBus: 'sata' });
  });

  it('the seed’s virt-install line: i440fx, raw disk, VNC on 0.0.0.0 with a password', () => {
    const { xml, doc } = build({
      name: 'test01',
      memoryBytes: 1024 * 1024 ** 2,
      vcpus: 1,
      machine: 'pc',
      disks: [{ source: { file: '/kvm-vm/test01.raw' }, format: 'raw' }],
      nics: [{ type: 'network', source: 'default' }],
      graphics: 'vnc',
      sound: true,
      graphicsListen: '0.0.0.0',
      graphicsPassword: 'p&ss<word>',
    });
    expect(readDevice(doc, 'graphics', 'graphics:vnc')).toMatchObject({
      listens: [{ type: 'address', address: '0.0.0.0' }],
      passwd: 'p&ss<word>',
      autoport: true,
    });
    expect(readDevice(doc, 'sound', 'sound:#0')).toEqual({ model: 'ich6' });
    expect(readDevice(doc, 'video', 'video:#0')).toEqual({ modelType: 'virtio' });
    expect(xml).not.toContain('pcie-root');
    expect(xml).not.toContain('spicevmc');
  });

  it('TCG, no graphics, direct kernel boot, block and pool disks, bridge/macvtap/user NICs', () => {
    const { xml, doc } = build({
      name: 'headless',
      hypervisor: 'qemu',
      memoryBytes: 512 * 1024 ** 2,
      vcpus: 1,
      topology: { sockets: 1, cores: 1, threads: 1 },
      graphics: 'none',
      kernel: { kernel: '/boot/vmlinuz', initrd: '/boot/initrd.img', cmdline: 'console=ttyS0' },
      disks: [
        { source: { dev: '/dev/vg0/headless' }, format: 'raw' },
        { source: { pool: 'default', volume: 'data.qcow2' } },
      ],
      nics: [
        { type: 'bridge', source: 'br0' },
        { type: 'direct', source: 'eno1', mac: '52:54:00:00:00:01' },
        { type: 'user', model: 'e1000e' },
      ],
    });
    expect(readCpu(doc)).toMatchObject({ mode: 'maximum', sockets: 1, cores: 1, threads: 1 });
    expect(readOs(doc)).toMatchObject({ kernel: '/boot/vmlinuz', cmdline: 'console=ttyS0' });
    expect(readOs(doc).boot).toBeUndefined();
    expect(readDevice(doc, 'disk', 'disk:vda')).toMatchObject({
      type: 'block',
      sourceDev: '/dev/vg0/headless',
    });
    expect(readDevice(doc, 'disk', 'disk:vdb')).toMatchObject({
      type: 'volume',
      sourcePool: 'default',
      sourceVolume: 'data.qcow2',
    });
    expect(readDevice(doc, 'interface', 'interface:52:54:00:00:00:01')).toMatchObject({
      sourceDev: 'eno1',
      sourceMode: 'bridge',
    });
    expect(xml).not.toContain('<graphics');
    expect(xml).not.toContain('<sound');
  });

  it('refuses names libvirt would refuse', () => {
    expect(() => buildNewDomain({ name: 'a/b', memoryBytes: GiB, vcpus: 1 })).toThrow(/invalid domain name/);
    expect(() => buildNewDomain({ name: '', memoryBytes: GiB, vcpus: 1 })).toThrow(/invalid domain name/);
  });
});
