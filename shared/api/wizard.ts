import { z } from 'zod';
import { domainRef, hostRef } from './refs';

/** What `virsh domcapabilities` (+ `capabilities`) says a host can run, as the wizard offers it. */
export const HostCapabilities = z.object({
  /** The guest architecture these answers are for, and the host's own. */
  arch: z.string(),
  hostArch: z.string().optional(),
  /** Virt types for that arch, best first (kvm when usable). */
  virtTypes: z.array(z.string()),
  virtType: z.string(),
  /** Every architecture the host can emulate, with its machine types (names and aliases). */
  arches: z.array(
    z.object({ arch: z.string(), machines: z.array(z.string()), virtTypes: z.array(z.string()) }),
  ),
  /** The machine domcapabilities answered for (the canonical name of q35 on x86). */
  machine: z.string(),
  maxVcpus: z.number().int().optional(),
  firmware: z.object({
    bios: z.boolean(),
    efi: z.boolean(),
    secureBoot: z.boolean(),
    loaders: z.array(z.string()),
  }),
  cpu: z.object({
    modes: z.array(z.string()),
    hostModel: z.string().optional(),
    models: z.array(z.object({ name: z.string(), usable: z.boolean() })),
  }),
  devices: z.object({
    diskBuses: z.array(z.string()),
    diskDevices: z.array(z.string()),
    graphics: z.array(z.string()),
    video: z.array(z.string()),
    tpmModels: z.array(z.string()),
    tpmBackends: z.array(z.string()),
    rngModels: z.array(z.string()),
    channelTypes: z.array(z.string()),
    hostdevTypes: z.array(z.string()),
    filesystemDrivers: z.array(z.string()),
    redirdevBuses: z.array(z.string()),
  }),
  /** Supported `<features>` of domcapabilities (sev, hyperv, …). */
  features: z.array(z.string()),
  /** The host: total memory and CPUs (for "up to N available"). */
  hostMemoryKiB: z.number().optional(),
  hostCpus: z.number().int().optional(),
  /** A session connection (qemu:///session): usermode networking is the default. */
  session: z.boolean(),
});
export type HostCapabilities = z.infer<typeof HostCapabilities>;

/** One operating system of the host's osinfo-db. */
export const OsEntry = z.object({
  id: z.string(),
  shortId: z.string(),
  name: z.string(),
  version: z.string().optional(),
  family: z.string().optional(),
  vendor: z.string().optional(),
  releaseDate: z.string().optional(),
  eolDate: z.string().optional(),
  /** Past its end-of-life date (hidden unless "include end-of-life"). */
  eol: z.boolean(),
});
export type OsEntry = z.infer<typeof OsEntry>;

const Resources = z.object({
  ramBytes: z.number().optional(),
  cpus: z.number().int().optional(),
  storageBytes: z.number().optional(),
});

/** What the wizard needs to know about one OS: resources, firmware and device support. */
export const OsDetails = z.object({
  id: z.string(),
  shortId: z.string().optional(),
  name: z.string(),
  family: z.string().optional(),
  minimum: Resources,
  recommended: Resources,
  /** UEFI only (the OS supports EFI and not BIOS). */
  efiRequired: z.boolean(),
  windows: z.boolean(),
  virtioDisk: z.boolean(),
  virtioNet: z.boolean(),
  virtioRng: z.boolean(),
  usb3: z.boolean(),
  q35: z.boolean(),
  /** Where the answer came from (the file of the host's db), for the docs and debugging. */
  sources: z.array(z.string()),
});
export type OsDetails = z.infer<typeof OsDetails>;

export const PoolVolumeRef = z.object({ pool: z.string().min(1), volume: z.string().min(1) });
export const HostPath = z.object({ path: z.string().min(1).startsWith('/') });
const DiskSource = z.union([PoolVolumeRef, HostPath]);
export type DiskSource = z.infer<typeof DiskSource>;

/** How the guest boots the first time (see docs/wizard.md). */
export const InstallMedia = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cdrom'), source: DiskSource }),
  z.object({
    kind: z.literal('kernel'),
    kernel: z.string().startsWith('/'),
    initrd: z.string().startsWith('/').optional(),
    cmdline: z.string().max(4096).optional(),
  }),
  z.object({ kind: z.literal('url'), url: z.string().url(), cmdline: z.string().max(4096).optional() }),
  z.object({ kind: z.literal('pxe') }),
  z.object({
    kind: z.literal('import'),
    source: DiskSource,
    bus: z.enum(['virtio', 'sata', 'ide']).optional(),
  }),
  z.object({ kind: z.literal('none') }),
  /** Made on the host at Finish by a registered preparer (cloud image + cloud-init seed). */
  z.object({ kind: z.literal('prepared'), preparer: z.string().min(1), request: z.unknown() }),
]);
export type InstallMedia = z.infer<typeof InstallMedia>;

export const StorageChoice = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('new'),
    pool: z.string().min(1),
    capacityBytes: z.number().int().positive(),
    format: z.enum(['qcow2', 'raw']),
  }),
  z.object({ kind: z.literal('volume'), pool: z.string().min(1), volume: z.string().min(1) }),
  z.object({ kind: z.literal('path'), path: z.string().startsWith('/') }),
  z.object({ kind: z.literal('none') }),
]);
export type StorageChoice = z.infer<typeof StorageChoice>;

export const NetworkChoice = z.discriminatedUnion('type', [
  z.object({ type: z.literal('network'), source: z.string().min(1) }),
  z.object({ type: z.literal('bridge'), source: z.string().min(1) }),
  z.object({ type: z.literal('direct'), source: z.string().min(1) }),
  z.object({ type: z.literal('user') }),
  z.object({ type: z.literal('none') }),
]);
export type NetworkChoice = z.infer<typeof NetworkChoice>;

/** Every choice of the wizard: the backend builds the same XML from it that the summary showed. */
export const NewVmPlan = z.object({
  /** Chosen by the renderer (crypto.randomUUID) so it can open the VM's window when the job ends. */
  uuid: z.string().uuid(),
  name: z.string().min(1).max(200),
  osId: z.string().optional(),
  windows: z.boolean(),
  arch: z.string().min(1),
  machine: z.string().min(1),
  virtType: z.enum(['kvm', 'qemu']),
  memoryBytes: z.number().int().positive(),
  vcpus: z.number().int().positive().max(4096),
  firmware: z.enum(['bios', 'efi']),
  secureBoot: z.boolean(),
  tpm: z.boolean(),
  media: InstallMedia,
  storage: StorageChoice,
  network: NetworkChoice,
  diskBus: z.enum(['virtio', 'sata', 'ide']),
  netModel: z.enum(['virtio', 'e1000e', 'e1000']),
  graphics: z.enum(['spice', 'vnc', 'none']),
  /** Preferences (issue 15): absent, host-passthrough with KVM and maximum under TCG. */
  cpuMode: z.enum(['host-passthrough', 'host-model', 'maximum']).optional(),
  rng: z.boolean(),
  /** False: define only (Customize before install, or manual install). */
  start: z.boolean(),
  /**
   * Customize before install: the defined VM keeps what Begin / Cancel installation need in its
   * `<metadata>` (shared/wizard/install-record.ts) until one of them runs.
   */
  customize: z.boolean().optional(),
});
export type NewVmPlan = z.infer<typeof NewVmPlan>;

const OsList = z.object({ entries: z.array(OsEntry), message: z.string().optional() });

export const wizardCalls = {
  'hosts/capabilities': {
    request: hostRef.extend({
      arch: z.string().max(32).optional(),
      virtType: z.string().max(16).optional(),
      machine: z.string().max(64).optional(),
    }),
    response: HostCapabilities,
  },
  'wizard/os-list': {
    request: hostRef,
    response: OsList,
  },
  'wizard/os-detect': {
    request: hostRef.extend({ path: z.string().min(1).max(4096) }),
    response: z.object({ osId: z.string().optional(), message: z.string() }),
  },
  'wizard/os-details': {
    request: hostRef.extend({ osId: z.string().min(1).max(512), arch: z.string().max(32).optional() }),
    response: OsDetails,
  },
  /** Can the hypervisor read this file (session permissions)? The reason when not. */
  'wizard/check-media': {
    request: hostRef.extend({ source: DiskSource }),
    response: z.object({ ok: z.boolean(), path: z.string().optional(), message: z.string().optional() }),
  },
  /** Does the install tree answer from the host? */
  'wizard/check-url': {
    request: hostRef.extend({ url: z.string().url() }),
    response: z.object({ ok: z.boolean(), message: z.string().optional() }),
  },
  /** The domain XML the plan gives (what Finish defines). */
  'wizard/preview': {
    request: hostRef.extend({ plan: NewVmPlan }),
    /** `xml`: what is defined; `installXml`: the first boot (media), when it differs. */
    response: z.object({ xml: z.string(), installXml: z.string().optional() }),
  },
  /** Finish: starts a job (create volumes, define, start); progress and the end come as job events. */
  'wizard/create': {
    request: hostRef.extend({ plan: NewVmPlan }),
    response: z.object({ jobId: z.string() }),
  },
  /**
   * Customize before install, then "Begin installation": the defined install document (with the
   * person's edits) boots the media once; what stays defined is the same document without the
   * install-phase parts (virt-install's final document). A VM the wizard did not define only starts.
   */
  'wizard/begin-install': { request: domainRef, response: z.object({ message: z.string() }) },
  /** "Cancel installation": removes what the wizard created for this VM, as Finish's rollback does. */
  'wizard/cancel-install': { request: domainRef, response: z.object({ message: z.string() }) },
  /**
   * Is this VM waiting for its installation (Customize before install, read from the wizard's
   * record in its definition)? What Cancel would remove besides the definition.
   */
  'wizard/pending-install': {
    request: domainRef,
    response: z.object({
      pending: z
        .object({
          name: z.string(),
          install: z.boolean(),
          created: z.array(z.object({ pool: z.string(), volume: z.string() })),
        })
        .optional(),
    }),
  },
} as const;

export const wizardEvents = {
  /**
   * The OS list the desktop kept for a host was stale (its osinfo-db changed): the host's new list,
   * read at connect in the background while the kept one answered.
   */
  'wizard/os-list-changed': OsList.extend({ hostId: z.string() }),
} as const;
