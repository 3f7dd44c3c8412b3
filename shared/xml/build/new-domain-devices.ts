// The device list of a new domain, as (kind, settings) pairs for addNewDevice.
import type { DeviceSettings, KnownDeviceKind } from '../views/devices/device-views';
import type { NewDisk, NewDomainSpec } from './new-domain';

export type NewDevice = { [K in KnownDeviceKind]: { kind: K; settings: DeviceSettings<K> } }[KnownDeviceKind];

function disk(d: NewDisk, q35: boolean): NewDevice {
  const cdrom = d.device === 'cdrom';
  const bus = d.bus ?? (cdrom ? (q35 ? 'sata' : 'ide') : 'virtio');
  const src = d.source;
  const type = 'file' in src ? 'file' : 'dev' in src ? 'block' : 'volume';
  const format = d.format ?? (cdrom ? 'raw' : 'qcow2');
  return {
    kind: 'disk',
    settings: {
      type,
      device: cdrom ? 'cdrom' : 'disk',
      driverName: 'qemu',
      format: format === 'iso' ? 'raw' : format,
      discard: cdrom ? undefined : 'unmap',
      // An empty file source is an empty drive (an ejected CD-ROM): no <source> at all.
      sourceFile: 'file' in src && src.file !== '' ? src.file : undefined,
      sourceDev: 'dev' in src ? src.dev : undefined,
      sourcePool: 'pool' in src ? src.pool : undefined,
      sourceVolume: 'pool' in src ? src.volume : undefined,
      targetBus: bus,
      bootOrder: d.bootOrder,
      readonly: cdrom ? true : undefined,
    },
  };
}

export function devicesFor(spec: NewDomainSpec, machine: string, efi: boolean): NewDevice[] {
  const q35 = machine === 'q35' || machine.includes('q35');
  const graphics = spec.graphics ?? 'spice';
  const out: NewDevice[] = (spec.disks ?? []).map((d) => disk(d, q35));
  out.push({ kind: 'controller', settings: { type: 'usb', index: 0, model: 'qemu-xhci', ports: 15 } });
  if (q35) {
    out.push({ kind: 'controller', settings: { type: 'pci', index: 0, model: 'pcie-root' } });
    for (let i = 1; i <= 14; i++) {
      out.push({ kind: 'controller', settings: { type: 'pci', index: i, model: 'pcie-root-port' } });
    }
  }
  for (const nic of spec.nics ?? []) {
    out.push({
      kind: 'interface',
      settings: {
        type: nic.type,
        mac: nic.mac,
        sourceNetwork: nic.type === 'network' ? (nic.source ?? 'default') : undefined,
        sourceBridge: nic.type === 'bridge' ? nic.source : undefined,
        sourceDev: nic.type === 'direct' ? nic.source : undefined,
        sourceMode: nic.type === 'direct' ? 'bridge' : undefined,
        model: nic.model ?? 'virtio',
      },
    });
  }
  if (spec.serialConsole ?? true) {
    out.push({ kind: 'serial', settings: { type: 'pty', targetPort: 0 } });
    out.push({ kind: 'console', settings: { type: 'pty', targetType: 'serial', targetPort: 0 } });
  }
  if (spec.guestAgent ?? true) {
    out.push({
      kind: 'channel',
      settings: {
        type: 'unix',
        sourceMode: 'bind',
        targetType: 'virtio',
        targetName: 'org.qemu.guest_agent.0',
      },
    });
  }
  if (graphics === 'spice') {
    out.push({
      kind: 'channel',
      settings: { type: 'spicevmc', targetType: 'virtio', targetName: 'com.redhat.spice.0' },
    });
  }
  out.push({ kind: 'input', settings: { type: 'tablet', bus: 'usb' } });
  if (spec.tpm ?? efi) {
    out.push({ kind: 'tpm', settings: { model: 'tpm-crb', backendType: 'emulator', backendVersion: '2.0' } });
  }
  if (graphics !== 'none') {
    out.push({
      kind: 'graphics',
      settings: {
        type: graphics,
        autoport: true,
        listens: spec.graphicsListen ? [{ type: 'address', address: spec.graphicsListen }] : undefined,
        passwd: spec.graphicsPassword,
        imageCompression: graphics === 'spice' ? 'off' : undefined,
      },
    });
    // virt-install adds a sound card with SPICE (the display that carries audio) only.
    if (spec.sound ?? graphics === 'spice')
      out.push({ kind: 'sound', settings: { model: q35 ? 'ich9' : 'ich6' } });
  }
  out.push({
    kind: 'video',
    settings: { modelType: spec.video ?? (graphics === 'spice' ? 'qxl' : 'virtio') },
  });
  if (graphics === 'spice') {
    out.push({ kind: 'redirdev', settings: { bus: 'usb', type: 'spicevmc' } });
    out.push({ kind: 'redirdev', settings: { bus: 'usb', type: 'spicevmc' } });
  }
  out.push({ kind: 'memballoon', settings: { model: 'virtio' } });
  if (spec.rng ?? true) {
    out.push({
      kind: 'rng',
      settings: { model: 'virtio', backendModel: 'random', backendDevice: '/dev/urandom' },
    });
  }
  return out;
}
