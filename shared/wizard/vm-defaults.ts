// virt-install's per-OS defaults, from the OS's osinfo data and the host's capabilities.
import { check, type CheckMessage } from '../checks/check-message';
import type { HostCapabilities, NewVmPlan, OsDetails, OsEntry } from '../api/wizard';

const GiB = 1024 ** 3;

export type VmDefaults = Pick<
  NewVmPlan,
  | 'machine'
  | 'virtType'
  | 'arch'
  | 'memoryBytes'
  | 'vcpus'
  | 'firmware'
  | 'secureBoot'
  | 'tpm'
  | 'diskBus'
  | 'netModel'
  | 'rng'
  | 'windows'
  | 'graphics'
> & {
  storageBytes: number;
  // Preferences (issue 15; shared/wizard/vm-prefs.ts): absent means qcow2 and the automatic CPU mode.
  storageFormat?: 'qcow2' | 'raw';
  cpuMode?: NonNullable<NewVmPlan['cpuMode']>;
};

/** RAM, vCPUs, disk: "recommended", else twice "minimum", else 1 GiB / 1 vCPU / 20 GiB (virt-manager). */
export function resourcesFor(os: OsDetails | undefined): {
  ramBytes: number;
  cpus: number;
  storageBytes: number;
} {
  const pick = (rec: number | undefined, min: number | undefined, fallback: number) =>
    rec ?? (min !== undefined ? min * 2 : fallback);
  return {
    ramBytes: pick(os?.recommended.ramBytes, os?.minimum.ramBytes, GiB),
    cpus: os?.recommended.cpus ?? os?.minimum.cpus ?? 1,
    storageBytes: pick(os?.recommended.storageBytes, os?.minimum.storageBytes, 20 * GiB),
  };
}

export function defaultsFor(os: OsDetails | undefined, caps: HostCapabilities): VmDefaults {
  const x86 = caps.arch === 'x86_64' || caps.arch === 'i686';
  const q35 = x86 && /q35/.test(caps.machine) && (os?.q35 ?? true);
  const efi = (os?.efiRequired ?? false) && caps.firmware.efi;
  const windows = os?.windows ?? false;
  const res = resourcesFor(os);
  const hostCpus = caps.hostCpus ?? res.cpus;
  const hostRam = caps.hostMemoryKiB ? caps.hostMemoryKiB * 1024 : res.ramBytes;
  return {
    arch: caps.arch,
    virtType: caps.virtType === 'kvm' ? 'kvm' : 'qemu',
    machine: q35 ? 'q35' : x86 ? 'pc' : caps.machine,
    memoryBytes: Math.min(res.ramBytes, hostRam),
    vcpus: Math.max(1, Math.min(res.cpus, hostCpus)),
    storageBytes: res.storageBytes,
    firmware: efi ? 'efi' : 'bios',
    secureBoot: efi && windows && caps.firmware.secureBoot,
    // An emulated TPM with UEFI when the host can (virt-install ≥ 4.0); Windows 11 requires it.
    tpm: efi && caps.devices.tpmBackends.includes('emulator'),
    diskBus: (os?.virtioDisk ?? true) ? 'virtio' : q35 ? 'sata' : 'ide',
    netModel: (os?.virtioNet ?? true) ? 'virtio' : q35 ? 'e1000e' : 'e1000',
    rng: os?.virtioRng ?? true,
    windows,
    graphics: caps.devices.graphics.includes('spice') ? 'spice' : 'vnc',
  };
}

/**
 * The generic OS to fall back on when the db does not know the media's OS (Debian 12's osinfo-db
 * has no Debian 12): the newest "Generic Linux YYYY" the db has.
 */
export function genericLinux(entries: readonly OsEntry[]): OsEntry | undefined {
  return entries
    .filter((e) => /^linux\d{4}$/.test(e.shortId))
    .sort((a, b) => b.shortId.localeCompare(a.shortId))[0];
}

/** A name libvirt accepts and no VM of the host has: the OS's short id, then -2, -3 … */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'vm';
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

/** Why `name` cannot be a new VM's name here, or undefined. */
export function vmNameProblem(name: string, taken: ReadonlySet<string>): CheckMessage | undefined {
  if (name.trim() === '') return check('vmName.needed');
  if (name.includes('/')) return check('vmName.slash');
  if (/[\x00-\x1f\x7f]/.test(name)) return check('vmName.control');
  if (name !== name.trim()) return check('vmName.spaces');
  if (taken.has(name)) return check('vmName.taken', { name });
  return undefined;
}
