// The wizard's choices → the domain(s) to define and start, as virt-install does it: a final
// document (what stays defined: boots from its disk, install media ejected) and, when the guest
// installs from media, an install-phase document with the same UUID that boots the media once
// (`virsh create`; a reboot stops the guest, the next start uses the final document).
import type { DiskSource, NewVmPlan } from '../api/wizard';
import type { NewDisk, NewDomainSpec } from '../xml/build/new-domain';

/** What the backend resolved on the host before building (paths of fetched kernels, prepared disks). */
export interface PlanExtras {
  uuid?: string;
  /** `url` method: where the tree's kernel and initrd were (or will be) put. */
  fetchedKernel?: { kernel: string; initrd: string };
  /** `prepared` media: the disks its preparer made (cloud image, seed). */
  preparedDisks?: NewDisk[];
}

/** The volume name of a new VM's disk (virt-install: NAME.qcow2). */
export function newDiskVolumeName(plan: Pick<NewVmPlan, 'name' | 'storage'>): string {
  return plan.storage.kind === 'new' && plan.storage.format === 'raw'
    ? `${plan.name}.img`
    : `${plan.name}.qcow2`;
}

function diskSource(source: DiskSource): NewDisk['source'] {
  return 'path' in source ? { file: source.path } : { pool: source.pool, volume: source.volume };
}

function mainDisk(plan: NewVmPlan): NewDisk | undefined {
  const bus = plan.diskBus;
  const s = plan.storage;
  if (plan.media.kind === 'import')
    return { source: diskSource(plan.media.source), bus: plan.media.bus ?? bus, format: undefined };
  switch (s.kind) {
    case 'new':
      return { source: { pool: s.pool, volume: newDiskVolumeName(plan) }, format: s.format, bus };
    case 'volume':
      return { source: { pool: s.pool, volume: s.volume }, bus };
    case 'path':
      return { source: { file: s.path }, bus };
    case 'none':
      return undefined;
  }
}

function cdrom(plan: NewVmPlan, withMedia: boolean): NewDisk | undefined {
  if (plan.media.kind !== 'cdrom') return undefined;
  // The final document keeps an empty drive where the media was (as virt-install); libvirt wants a
  // source for a volume disk, so an ejected drive is a file drive without one.
  return withMedia
    ? { device: 'cdrom', source: diskSource(plan.media.source), format: 'iso' }
    : { device: 'cdrom', source: { file: '' }, format: 'iso' };
}

function baseSpec(plan: NewVmPlan, extras: PlanExtras): NewDomainSpec {
  const efi = plan.firmware === 'efi';
  return {
    name: plan.name,
    ...(extras.uuid ? { uuid: extras.uuid } : {}),
    hypervisor: plan.virtType,
    arch: plan.arch,
    machine: plan.machine,
    firmware: plan.firmware,
    secureBoot: efi && plan.secureBoot,
    memoryBytes: plan.memoryBytes,
    vcpus: plan.vcpus,
    ...(plan.osId ? { osId: plan.osId } : {}),
    windows: plan.windows,
    nics:
      plan.network.type === 'none'
        ? []
        : [{ type: plan.network.type, ...sourceOf(plan.network), model: plan.netModel }],
    graphics: plan.graphics,
    ...(plan.cpuMode ? { cpuMode: plan.cpuMode } : {}), // issue 15: the preferences' CPU mode
    rng: plan.rng,
    tpm: plan.tpm,
  };
}

function sourceOf(network: NewVmPlan['network']): { source?: string } {
  return 'source' in network ? { source: network.source } : {};
}

/**
 * The documents for a plan. `install` is present when the first boot differs from later ones
 * (media, network install, PXE); `final` is what is defined.
 */
export function planToSpecs(
  plan: NewVmPlan,
  extras: PlanExtras = {},
): { final: NewDomainSpec; install?: NewDomainSpec } {
  const base = baseSpec(plan, extras);
  const disk = mainDisk(plan);
  const prepared = extras.preparedDisks ?? [];
  const disks = (withMedia: boolean): NewDisk[] =>
    [...(disk ? [disk] : []), ...prepared, cdrom(plan, withMedia)].filter(
      (d): d is NewDisk => d !== undefined,
    );
  const final: NewDomainSpec = {
    ...base,
    disks: disks(false),
    boot: disk || prepared.length ? ['hd'] : ['hd', 'network'],
  };
  const media = plan.media;
  switch (media.kind) {
    case 'cdrom':
      return { final, install: { ...base, disks: disks(true), boot: ['cdrom', 'hd'], installPhase: true } };
    case 'pxe':
      return {
        final,
        install: { ...base, disks: disks(false), boot: ['network', 'hd'], installPhase: true },
      };
    case 'kernel':
    case 'url': {
      const kernel =
        media.kind === 'kernel'
          ? { kernel: media.kernel, ...(media.initrd ? { initrd: media.initrd } : {}) }
          : (extras.fetchedKernel ?? { kernel: '', initrd: '' });
      const cmdline = media.cmdline?.trim();
      return {
        final,
        install: {
          ...base,
          disks: disks(false),
          kernel: { ...kernel, ...(cmdline ? { cmdline } : {}) },
          installPhase: true,
        },
      };
    }
    case 'import':
    case 'prepared':
      return { final };
    case 'none':
      // Manual install: define now, install later — the guest tries its disk, then the network.
      return { final };
  }
}
