// New domains for the creation wizard, from a plain description, with virt-install's defaults
// (q35, virtio, qcow2 with discard, USB tablet, pty serial console, guest agent channel, virtio
// RNG and balloon, SPICE with redirection and sound, UEFI+TPM when asked, Hyper-V for Windows).
// The document is built through the same views the panes use.
import { createDocument, createElement, type XmlDocument } from '../document';
import { writeGeneral } from '../views/domain-general';
import { setMetadata } from '../views/domain-metadata';
import { writeMemory } from '../views/domain-memory';
import { writeCpu, writeVcpu, type CpuMode } from '../views/domain-cpu';
import { writeOs, type BootDevice } from '../views/domain-os';
import { writeClock, writeFeatures } from '../views/domain-features';
import { writeLifecycle } from '../views/domain-tuning';
import { addNewDevice } from '../views/devices/device-views';
import { devicesFor } from './new-domain-devices';

export interface NewDisk {
  device?: 'disk' | 'cdrom';
  /** File path, block device path, or pool + volume. */
  source: { file: string } | { dev: string } | { pool: string; volume: string };
  format?: 'qcow2' | 'raw' | 'iso';
  bus?: 'virtio' | 'sata' | 'scsi' | 'ide' | 'usb';
  bootOrder?: number;
}

export interface NewNic {
  type: 'network' | 'bridge' | 'direct' | 'user';
  /** Network name, bridge name, or host interface for macvtap. */
  source?: string;
  model?: 'virtio' | 'e1000e' | 'e1000' | 'rtl8139';
  mac?: string;
}

export interface NewDomainSpec {
  name: string;
  uuid?: string;
  title?: string;
  description?: string;
  /** kvm (default) or qemu (TCG). */
  hypervisor?: 'kvm' | 'qemu';
  arch?: string;
  /** q35 (default) or pc (i440fx) or a versioned machine type. */
  machine?: string;
  firmware?: 'bios' | 'efi';
  secureBoot?: boolean;
  memoryBytes: number;
  currentMemoryBytes?: number;
  vcpus: number;
  cpuMode?: CpuMode;
  topology?: { sockets: number; cores: number; threads: number };
  /** libosinfo id, kept in <metadata> like virt-install does. */
  osId?: string;
  /** Windows guests get Hyper-V enlightenments and a localtime clock. */
  windows?: boolean;
  disks?: NewDisk[];
  nics?: NewNic[];
  graphics?: 'spice' | 'vnc' | 'none';
  graphicsListen?: string;
  graphicsPassword?: string;
  video?: 'virtio' | 'qxl' | 'vga' | 'bochs';
  sound?: boolean;
  serialConsole?: boolean;
  guestAgent?: boolean;
  rng?: boolean;
  tpm?: boolean;
  boot?: BootDevice[];
  bootMenu?: boolean;
  kernel?: { kernel: string; initrd?: string; cmdline?: string };
  /** The install phase (virt-install's first document): a reboot stops the guest instead. */
  installPhase?: boolean;
}

const LIBOSINFO_NS = 'http://libosinfo.org/xmlns/libvirt/domain/1.0';

function isQ35(machine: string): boolean {
  return machine === 'q35' || machine.includes('q35');
}

export function buildNewDomain(spec: NewDomainSpec, random: () => number = Math.random): XmlDocument {
  if (!/^[^/\s][^/]*$/.test(spec.name)) throw new Error(`invalid domain name '${spec.name}'`);
  const hypervisor = spec.hypervisor ?? 'kvm';
  const machine = spec.machine ?? 'q35';
  const efi = spec.firmware === 'efi';
  const doc = createDocument(createElement('domain', { type: hypervisor }));
  writeGeneral(doc, { name: spec.name, uuid: spec.uuid, title: spec.title, description: spec.description });
  if (spec.osId) {
    setMetadata(
      doc,
      LIBOSINFO_NS,
      `<libosinfo:libosinfo xmlns:libosinfo="${LIBOSINFO_NS}"><libosinfo:os id="${spec.osId.replace(/[<&"]/g, '')}"/></libosinfo:libosinfo>`,
    );
  }
  writeMemory(doc, { memory: spec.memoryBytes, currentMemory: spec.currentMemoryBytes ?? spec.memoryBytes });
  writeVcpu(doc, { placement: 'static', count: spec.vcpus });
  writeOs(doc, {
    firmware: efi ? 'efi' : undefined,
    type: 'hvm',
    arch: spec.arch ?? 'x86_64',
    machine,
    // Explicit: without secure='no', libvirt's autoselection may pick a Secure Boot build.
    loaderSecure: efi ? spec.secureBoot === true : undefined,
    boot: spec.kernel ? undefined : (spec.boot ?? ['hd']).map((dev) => ({ dev })),
    bootMenu: spec.bootMenu,
    kernel: spec.kernel?.kernel,
    initrd: spec.kernel?.initrd,
    cmdline: spec.kernel?.cmdline,
  });
  writeFeatures(doc, {
    acpi: true,
    apic: true,
    vmport: isQ35(machine) || machine.startsWith('pc') ? false : undefined,
    smm: efi && spec.secureBoot ? true : undefined,
    ...(spec.windows
      ? {
          hvRelaxed: true,
          hvVapic: true,
          hvSpinlocks: true,
          hvSpinlockRetries: 8191,
          hvVpindex: true,
          hvRuntime: true,
          hvSynic: true,
          hvStimer: true,
          hvReset: true,
          hvFrequencies: true,
        }
      : {}),
  });
  const cpuMode = spec.cpuMode ?? (hypervisor === 'kvm' ? 'host-passthrough' : 'maximum');
  writeCpu(doc, {
    mode: cpuMode,
    check: cpuMode === 'host-passthrough' ? 'none' : undefined,
    migratable: cpuMode === 'host-passthrough' ? true : undefined,
    ...(spec.topology ?? {}),
  });
  writeClock(doc, {
    offset: spec.windows ? 'localtime' : 'utc',
    timers: [
      { name: 'rtc', tickpolicy: 'catchup' },
      { name: 'pit', tickpolicy: 'delay' },
      { name: 'hpet', present: false },
      ...(spec.windows ? [{ name: 'hypervclock' as const, present: true }] : []),
    ],
  });
  writeLifecycle(doc, {
    onPoweroff: 'destroy',
    onReboot: spec.installPhase ? 'destroy' : 'restart',
    onCrash: 'destroy',
    suspendToMem: false,
    suspendToDisk: false,
  });
  for (const device of devicesFor(spec, machine, efi))
    addNewDevice(doc, device.kind, device.settings, random);
  return doc;
}
