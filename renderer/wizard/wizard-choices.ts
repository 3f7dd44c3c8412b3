// The wizard's state as typed (strings where people type numbers) and its translation into a plan.
import type { HostCapabilities, NetworkChoice, NewVmPlan } from '../../shared/api/wizard';
import { GiB, MiB } from '../../shared/xml/units';
import type { VmDefaults } from '../../shared/wizard/vm-defaults';
import type { MethodId, MethodResult } from './methods/method-types';
import type { Advanced } from './use-wizard-data';

export type StorageKind = 'new' | 'volume' | 'path' | 'none';

export interface WizardChoices {
  hostId: string | undefined;
  methodId: MethodId;
  method: MethodResult | undefined;
  methodProblem: string | undefined;
  advanced: Advanced;
  osId: string | undefined;
  includeEol: boolean;
  memoryMiB: string;
  vcpus: string;
  /** Fields the person changed: defaults from a newly chosen OS leave them alone. */
  touched: Partial<Record<'memory' | 'vcpus' | 'size' | 'firmware' | 'name', true>>;
  storageKind: StorageKind;
  storagePool: string | undefined;
  sizeGiB: string;
  storageVolume: { pool: string; volume: string } | undefined;
  storagePath: string;
  name: string;
  network: NetworkChoice | undefined;
  firmware: 'bios' | 'efi';
  secureBoot: boolean;
  tpm: boolean;
  customize: boolean;
}

export const initialChoices = (hostId: string | undefined): WizardChoices => ({
  hostId,
  methodId: 'iso-volume',
  method: undefined,
  methodProblem: undefined,
  advanced: {},
  osId: undefined,
  includeEol: false,
  memoryMiB: '1024',
  vcpus: '1',
  touched: {},
  storageKind: 'new',
  storagePool: undefined,
  sizeGiB: '20',
  storageVolume: undefined,
  storagePath: '',
  name: '',
  network: undefined,
  firmware: 'bios',
  secureBoot: false,
  tpm: false,
  customize: false,
});

/** A decimal number as typed ("2048", "1.5"); NaN when it is not one. */
export function typedNumber(text: string): number {
  return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The defaults of an OS, applied to what the person has not changed. */
export function applyDefaults(c: WizardChoices, d: VmDefaults): WizardChoices {
  return {
    ...c,
    memoryMiB: c.touched.memory ? c.memoryMiB : String(Math.round(d.memoryBytes / MiB)),
    vcpus: c.touched.vcpus ? c.vcpus : String(d.vcpus),
    sizeGiB: c.touched.size ? c.sizeGiB : String(Math.round((d.storageBytes / GiB) * 10) / 10),
    firmware: c.touched.firmware ? c.firmware : d.firmware,
    secureBoot: c.touched.firmware ? c.secureBoot : d.secureBoot,
    tpm: c.touched.firmware ? c.tpm : d.tpm,
  };
}

/** The network a new VM gets: usermode on session connections (no bridge helper), else "default". */
export function defaultNetwork(caps: HostCapabilities, networks: readonly string[]): NetworkChoice {
  if (!caps.session && networks.includes('default')) return { type: 'network', source: 'default' };
  if (!caps.session && networks[0]) return { type: 'network', source: networks[0] };
  return { type: 'user' };
}

export function planFrom(
  c: WizardChoices,
  d: VmDefaults,
  uuid: string,
  providesDisk: boolean,
): NewVmPlan | undefined {
  if (!c.method || !c.network) return undefined;
  const memory = typedNumber(c.memoryMiB);
  const vcpus = typedNumber(c.vcpus);
  const size = typedNumber(c.sizeGiB);
  let storage: NewVmPlan['storage'] = { kind: 'none' };
  if (!providesDisk) {
    if (c.storageKind === 'new' && c.storagePool)
      storage = {
        kind: 'new',
        pool: c.storagePool,
        capacityBytes: Math.round(size * GiB),
        format: d.storageFormat ?? 'qcow2', // issue 15: the preferences' disk format
      };
    if (c.storageKind === 'volume' && c.storageVolume) storage = { kind: 'volume', ...c.storageVolume };
    if (c.storageKind === 'path' && c.storagePath.trim())
      storage = { kind: 'path', path: c.storagePath.trim() };
  }
  return {
    uuid,
    name: c.name.trim(),
    ...(c.osId ? { osId: c.osId } : {}),
    windows: d.windows,
    arch: d.arch,
    machine: c.advanced.machine ?? d.machine,
    virtType: d.virtType,
    memoryBytes: Math.round(memory * MiB),
    vcpus: Math.round(vcpus),
    firmware: c.firmware,
    secureBoot: c.firmware === 'efi' && c.secureBoot,
    tpm: c.tpm,
    media: c.method.media,
    storage,
    network: c.network,
    diskBus: d.diskBus,
    netModel: d.netModel,
    graphics: d.graphics,
    ...(d.cpuMode ? { cpuMode: d.cpuMode } : {}), // issue 15
    rng: d.rng,
    start: !c.customize && c.method.media.kind !== 'none',
    ...(c.customize ? { customize: true } : {}),
  };
}
