import type { HostCapabilities } from '../../../shared/api/wizard';
import { documentRoot, type XmlElement } from '../../../shared/xml/document';
import { elementChildren, findChild, findChildren, getAttr, getText } from '../../../shared/xml/node-ops';
import { parseXml } from '../../../shared/xml/parse';

/** `<enum name=N><value>…</value></enum>` values of an element (empty when absent). */
function enumValues(el: XmlElement | undefined, name: string): string[] {
  const e = el && findChildren(el, 'enum').find((x) => getAttr(x, 'name') === name);
  return e ? findChildren(e, 'value').map((v) => getText(v).trim()) : [];
}

const supported = (el: XmlElement | undefined) => el !== undefined && getAttr(el, 'supported') === 'yes';

/** The guests of `virsh capabilities`: each arch with its machine types and domain (virt) types. */
export function parseGuestArches(capabilitiesXml: string): {
  hostArch?: string;
  arches: HostCapabilities['arches'];
} {
  const root = documentRoot(parseXml(capabilitiesXml, 'capabilities XML'));
  const hostCpu = findChild(findChild(root, 'host') ?? root, 'cpu');
  const archEl = hostCpu && findChild(hostCpu, 'arch');
  const byArch = new Map<string, { machines: Set<string>; virtTypes: Set<string> }>();
  for (const guest of findChildren(root, 'guest')) {
    const os = findChild(guest, 'os_type');
    if (os && getText(os).trim() !== 'hvm') continue;
    const arch = findChild(guest, 'arch');
    const name = arch && getAttr(arch, 'name');
    if (!arch || !name) continue;
    const entry = byArch.get(name) ?? { machines: new Set(), virtTypes: new Set() };
    byArch.set(name, entry);
    const collect = (parent: XmlElement) => {
      for (const m of findChildren(parent, 'machine')) entry.machines.add(getText(m).trim());
    };
    collect(arch);
    for (const domain of findChildren(arch, 'domain')) {
      const type = getAttr(domain, 'type');
      if (type) entry.virtTypes.add(type);
      collect(domain);
    }
  }
  const arches = [...byArch].map(([arch, e]) => ({
    arch,
    machines: [...e.machines].sort(),
    virtTypes: [...e.virtTypes].sort((a, b) => (a === 'kvm' ? -1 : b === 'kvm' ? 1 : a.localeCompare(b))),
  }));
  const hostArch = archEl ? getText(archEl).trim() : undefined;
  return hostArch ? { hostArch, arches } : { arches };
}

/** `virsh domcapabilities` → firmware, CPU modes/models, device models, features. */
export function parseDomainCapabilities(xml: string): Pick<
  HostCapabilities,
  'machine' | 'maxVcpus' | 'firmware' | 'cpu' | 'devices' | 'features'
> & {
  arch: string;
  virtType: string;
} {
  const root = documentRoot(parseXml(xml, 'domain capabilities XML'));
  const text = (name: string) => {
    const e = findChild(root, name);
    return e ? getText(e).trim() : '';
  };
  const vcpu = findChild(root, 'vcpu');
  const maxVcpus = vcpu ? Number.parseInt(getAttr(vcpu, 'max') ?? '', 10) : Number.NaN;
  const os = findChild(root, 'os');
  const loader = os && findChild(os, 'loader');
  const firmwareEnum = enumValues(os, 'firmware');
  const loaders = loader ? findChildren(loader, 'value').map((v) => getText(v).trim()) : [];
  const efi = supported(loader) && (firmwareEnum.includes('efi') || loaders.length > 0);
  const cpuEl = findChild(root, 'cpu');
  const modes = cpuEl ? findChildren(cpuEl, 'mode') : [];
  const hostModelMode = modes.find((m) => getAttr(m, 'name') === 'host-model');
  const hostModel = hostModelMode && findChild(hostModelMode, 'model');
  const custom = modes.find((m) => getAttr(m, 'name') === 'custom');
  const devices = findChild(root, 'devices');
  const dev = (name: string) => (devices ? findChild(devices, name) : undefined);
  const features = findChild(root, 'features');
  const result = {
    arch: text('arch'),
    virtType: text('domain'),
    machine: text('machine'),
    firmware: {
      // BIOS is what x86 machines boot without a loader (SeaBIOS); domcapabilities lists only EFI.
      bios: true,
      efi,
      secureBoot: efi && enumValues(loader, 'secure').includes('yes'),
      loaders,
    },
    cpu: {
      modes: modes.filter((m) => supported(m)).map((m) => getAttr(m, 'name') ?? ''),
      ...(hostModel ? { hostModel: getText(hostModel).trim() } : {}),
      models: custom
        ? findChildren(custom, 'model').map((m) => ({
            name: getText(m).trim(),
            usable: getAttr(m, 'usable') !== 'no',
          }))
        : [],
    },
    devices: {
      diskBuses: enumValues(dev('disk'), 'bus'),
      diskDevices: enumValues(dev('disk'), 'diskDevice'),
      graphics: enumValues(dev('graphics'), 'type'),
      video: enumValues(dev('video'), 'modelType'),
      tpmModels: supported(dev('tpm')) ? enumValues(dev('tpm'), 'model') : [],
      tpmBackends: supported(dev('tpm')) ? enumValues(dev('tpm'), 'backendModel') : [],
      rngModels: enumValues(dev('rng'), 'model'),
      channelTypes: enumValues(dev('channel'), 'type'),
      hostdevTypes: enumValues(dev('hostdev'), 'subsysType'),
      filesystemDrivers: enumValues(dev('filesystem'), 'driverType'),
      redirdevBuses: enumValues(dev('redirdev'), 'bus'),
    },
    features: features
      ? elementChildren(features)
          .filter(supported)
          .map((f) => f.name)
      : [],
  };
  return Number.isFinite(maxVcpus) ? { ...result, maxVcpus } : result;
}
