// Importing a VM from a libvirt domain XML document (issue 13): parse it whole or refuse it with
// the line and column (never half-parse), say what it will define, change it as the user chose
// (new identity, adapted to this host), and check it against what the host has.
import type { EditProblem } from '../api/domain-edit';
import type { ImportDisk, ImportNic, ImportOptions, ImportSummary, Presence } from '../api/domain-import';
import { documentRoot, type XmlDocument } from '../xml/document';
import { XmlParseError } from '../xml/errors';
import { findChild, getAttr, getText, removeChild, setAttr, setText } from '../xml/node-ops';
import { parseDomainXml } from '../xml/objects';
import { readGeneral, writeGeneral } from '../xml/views/domain-general';
import { readMemory } from '../xml/views/domain-memory';
import { readVcpu } from '../xml/views/domain-cpu';
import { listDevices } from '../xml/views/devices/device-list';
import { readDeviceElement } from '../xml/views/devices/device-views';

export type ParsedImport = { doc: XmlDocument } | { problem: EditProblem };

/** The whole document or a `malformed` problem with its line and column (nothing half-read). */
export function parseImport(xml: string): ParsedImport {
  try {
    return { doc: parseDomainXml(xml) };
  } catch (error) {
    if (error instanceof XmlParseError)
      return {
        problem: {
          field: 'xml',
          code: 'malformed',
          message: error.message,
          line: error.line,
          column: error.col,
          values: { line: error.line, column: error.col },
        },
      };
    return { problem: { field: 'xml', code: 'malformed', message: (error as Error).message } };
  }
}

/** A NIC's source: its network, bridge or host interface. */
function nicSource(nic: ReturnType<typeof readDeviceElement<'interface'>>): string | undefined {
  return nic.sourceNetwork ?? nic.sourceBridge ?? nic.sourceDev ?? nic.sourcePci;
}

/** What the document defines, everything's presence still unknown. */
export function summarizeImport(doc: XmlDocument): ImportSummary {
  const general = readGeneral(doc);
  const memory = readMemory(doc);
  const vcpu = readVcpu(doc);
  const disks: ImportDisk[] = listDevices(doc, 'disk').map(({ element }) => {
    const disk = readDeviceElement('disk', element);
    const source =
      disk.sourceFile ??
      disk.sourceDev ??
      (disk.sourcePool && disk.sourceVolume ? `${disk.sourcePool}/${disk.sourceVolume}` : undefined);
    return {
      target: disk.targetDev ?? '?',
      device: disk.device ?? 'disk',
      ...(source ? { source } : {}),
      present: 'unknown',
    };
  });
  const nics: ImportNic[] = listDevices(doc, 'interface').map(({ element }) => {
    const nic = readDeviceElement('interface', element);
    const source = nicSource(nic);
    return {
      type: nic.type ?? 'network',
      ...(source ? { source } : {}),
      ...(nic.mac ? { mac: nic.mac } : {}),
      present: 'unknown',
    };
  });
  const memoryBytes = memory.currentMemory ?? memory.memory;
  return {
    name: general.name?.trim() ?? '',
    ...(general.uuid ? { uuid: general.uuid.trim().toLowerCase() } : {}),
    ...(general.type ? { virtType: general.type } : {}),
    ...(memoryBytes !== undefined ? { memoryBytes } : {}),
    ...(vcpu.count !== undefined ? { vcpus: vcpu.count } : {}),
    disks,
    nics,
    hostDevices: listDevices(doc, 'hostdev').length,
  };
}

/** Renames and/or drops the UUID and MACs (libvirt generates new ones); what changed, in words. */
export function applyIdentityOptions(doc: XmlDocument, options: ImportOptions): string[] {
  const changes: string[] = [];
  const general = readGeneral(doc);
  if (options.name !== undefined && options.name !== general.name) {
    writeGeneral(doc, { name: options.name });
    changes.push(`name: ${general.name ?? ''} → ${options.name}`);
  }
  if (options.newIdentity) {
    const root = documentRoot(doc);
    const uuid = findChild(root, 'uuid');
    if (uuid) {
      removeChild(root, uuid);
      changes.push('uuid: a new one from libvirt');
    }
    for (const { element } of listDevices(doc, 'interface')) {
      const mac = findChild(element, 'mac');
      if (!mac) continue;
      removeChild(element, mac);
      changes.push(`mac ${getAttr(mac, 'address') ?? ''}: a new one from libvirt`);
    }
  }
  return changes;
}

/** One guest architecture of the host (`virsh capabilities`). */
export interface HostGuest {
  arch: string;
  virtTypes: readonly string[];
  machines: readonly string[];
  emulator?: string | undefined;
}

/** What the import checks the document against, read once from the host. */
export interface ImportHostFacts {
  domains: readonly { name: string; uuid: string }[];
  /** Disk paths (and `/sys/class/net/DEV` for host interfaces) → whether they exist. */
  paths: ReadonlyMap<string, boolean>;
  /** Network name → active. */
  networks: ReadonlyMap<string, boolean>;
  /** Pool name → active. */
  pools: ReadonlyMap<string, boolean>;
  /** PCI addresses of the host's node devices; undefined when the list could not be read. */
  pciAddresses?: ReadonlySet<string> | undefined;
  guests: readonly HostGuest[];
  hostArch?: string | undefined;
}

/** The paths the host is asked about: every disk's file/device and every direct NIC's interface. */
export function pathsToCheck(summary: ImportSummary, doc: XmlDocument): string[] {
  const paths = new Set<string>();
  for (const { element } of listDevices(doc, 'disk')) {
    const disk = readDeviceElement('disk', element);
    const path = disk.sourceFile ?? disk.sourceDev;
    if (path) paths.add(path);
  }
  for (const nic of summary.nics)
    if (nic.type === 'direct' && nic.source) paths.add(interfacePath(nic.source));
  return [...paths];
}

const interfacePath = (dev: string) => `/sys/class/net/${dev}`;

interface OsFacts {
  arch: string | undefined;
  machine: string | undefined;
  emulator: string | undefined;
}

function osFacts(doc: XmlDocument): OsFacts {
  const root = documentRoot(doc);
  const type = findChild(findChild(root, 'os') ?? root, 'type');
  const devices = findChild(root, 'devices');
  const emulator = devices && findChild(devices, 'emulator');
  return {
    arch: type && getAttr(type, 'arch'),
    machine: type && getAttr(type, 'machine'),
    emulator: emulator ? getText(emulator).trim() : undefined,
  };
}

/** This host's machine type for one the host lacks: the same family's alias (`pc`, `q35`). */
function machineFor(machine: string, guest: HostGuest): string | undefined {
  const family = /q35/.test(machine) ? 'q35' : /i440fx|^pc($|-)/.test(machine) ? 'pc' : undefined;
  if (family && guest.machines.includes(family)) return family;
  return undefined;
}

const guestOf = (facts: ImportHostFacts, arch: string | undefined) =>
  facts.guests.find((g) => g.arch === (arch ?? facts.hostArch));

/**
 * Adapts the document to this host where it names a virt type, emulator or machine type the host
 * lacks (a VM exported from another distribution's host); what changed, in words.
 */
export function adaptToHost(doc: XmlDocument, facts: ImportHostFacts): string[] {
  const changes: string[] = [];
  const root = documentRoot(doc);
  const os = osFacts(doc);
  const guest = guestOf(facts, os.arch);
  if (!guest) return changes;
  const virtType = getAttr(root, 'type');
  if (virtType && !guest.virtTypes.includes(virtType) && guest.virtTypes[0]) {
    setAttr(root, 'type', guest.virtTypes[0]);
    changes.push(`type: ${virtType} → ${guest.virtTypes[0]}`);
  }
  if (os.emulator !== undefined && guest.emulator && os.emulator !== guest.emulator) {
    const emulator = findChild(findChild(root, 'devices')!, 'emulator')!;
    setText(emulator, guest.emulator);
    changes.push(`emulator: ${os.emulator} → ${guest.emulator}`);
  }
  if (os.machine && !guest.machines.includes(os.machine)) {
    const machine = machineFor(os.machine, guest);
    if (machine) {
      setAttr(findChild(findChild(root, 'os')!, 'type')!, 'machine', machine);
      changes.push(`machine: ${os.machine} → ${machine}`);
    }
  }
  return changes;
}

const problem = (
  field: string,
  code: string,
  message: string,
  values: Record<string, string | number>,
): EditProblem => ({ field, code, message, values });

/** What the host refuses or lacks: the virt type, emulator, machine type, name, UUID, host devices. */
function hostProblems(doc: XmlDocument, summary: ImportSummary, facts: ImportHostFacts): EditProblem[] {
  const problems: EditProblem[] = [];
  const adapt = 'tick "Adapt to this host" or change the document';
  if (!summary.name) problems.push(problem('name', 'no-name', 'The document has no <name>', {}));
  const sameName = facts.domains.find((d) => d.name === summary.name);
  if (summary.name && sameName)
    problems.push(
      problem('name', 'name-taken', `A VM named ${summary.name} exists on this host: choose another name`, {
        name: summary.name,
      }),
    );
  const sameUuid = summary.uuid ? facts.domains.find((d) => d.uuid === summary.uuid) : undefined;
  if (sameUuid)
    problems.push(
      problem(
        'uuid',
        'uuid-taken',
        `The UUID ${summary.uuid} is the VM ${sameUuid.name}'s on this host: generate a new UUID and MACs`,
        { uuid: summary.uuid ?? '', name: sameUuid.name },
      ),
    );
  const os = osFacts(doc);
  const guest = guestOf(facts, os.arch);
  if (facts.guests.length > 0 && !guest) {
    problems.push(
      problem('os.arch', 'arch', `This host cannot run ${os.arch ?? 'its'} guests`, { arch: os.arch ?? '' }),
    );
    return problems;
  }
  if (guest) {
    const virtType = summary.virtType;
    if (virtType && !guest.virtTypes.includes(virtType))
      problems.push(
        problem(
          'general.type',
          'virt-type',
          `This host has no ${virtType} for ${guest.arch} guests (it has ${guest.virtTypes.join(', ')}): ${adapt}`,
          { type: virtType, arch: guest.arch, available: guest.virtTypes.join(', ') },
        ),
      );
    if (os.emulator && guest.emulator && os.emulator !== guest.emulator)
      problems.push(
        problem(
          'emulator',
          'emulator',
          `This host has no emulator ${os.emulator} (its ${guest.arch} emulator is ${guest.emulator}): ${adapt}`,
          { emulator: os.emulator, available: guest.emulator },
        ),
      );
    if (os.machine && !guest.machines.includes(os.machine))
      problems.push(
        problem(
          'os.machine',
          'machine',
          `This host has no machine type ${os.machine}: ${machineFor(os.machine, guest) ? adapt : 'change the document'}`,
          { machine: os.machine },
        ),
      );
  }
  if (facts.pciAddresses) {
    for (const { element } of listDevices(doc, 'hostdev')) {
      const address = readDeviceElement('hostdev', element).sourcePci;
      if (address && !facts.pciAddresses.has(address))
        problems.push(
          problem('hostdev', 'hostdev-missing', `This host has no PCI device ${address} to pass to the VM`, {
            address,
          }),
        );
    }
  }
  return problems;
}

const presenceOfPath = (facts: ImportHostFacts, path: string): Presence =>
  facts.paths.has(path) ? (facts.paths.get(path) ? 'yes' : 'no') : 'unknown';

/** Each disk and NIC with whether the host has what it names, and a warning for each it lacks. */
function presence(
  summary: ImportSummary,
  facts: ImportHostFacts,
): { summary: ImportSummary; warnings: EditProblem[] } {
  const warnings: EditProblem[] = [];
  const disks = summary.disks.map((disk): ImportDisk => {
    if (!disk.source) return disk;
    const slash = disk.source.indexOf('/');
    const inPool = slash > 0 && !disk.source.startsWith('/');
    const present: Presence = inPool
      ? facts.pools.has(disk.source.slice(0, slash))
        ? 'unknown'
        : 'no'
      : presenceOfPath(facts, disk.source);
    if (present === 'no')
      warnings.push(
        problem(
          `disk:${disk.target}`,
          inPool ? 'pool-missing' : 'disk-missing',
          inPool
            ? `Disk ${disk.target}: this host has no storage pool ${disk.source.slice(0, slash)}`
            : `Disk ${disk.target}: ${disk.source} does not exist on this host (the VM will not start until it does)`,
          { target: disk.target, path: disk.source },
        ),
      );
    return { ...disk, present };
  });
  const nics = summary.nics.map((nic): ImportNic => {
    let present: Presence = 'unknown';
    if (nic.type === 'network' && nic.source) {
      const active = facts.networks.get(nic.source);
      present = active === undefined ? 'no' : active ? 'yes' : 'inactive';
      if (present === 'no')
        warnings.push(
          problem(
            `interface:${nic.source}`,
            'network-missing',
            `Network interface on ${nic.source}: this host has no such virtual network (the VM will not start until it does)`,
            { network: nic.source },
          ),
        );
      else if (present === 'inactive')
        warnings.push(
          problem(
            `interface:${nic.source}`,
            'network-inactive',
            `Network ${nic.source} is not active: start it before the VM`,
            { network: nic.source },
          ),
        );
    } else if (nic.type === 'direct' && nic.source) {
      present = presenceOfPath(facts, interfacePath(nic.source));
      if (present === 'no')
        warnings.push(
          problem(
            `interface:${nic.source}`,
            'interface-missing',
            `Network interface on ${nic.source}: this host has no interface ${nic.source}`,
            { device: nic.source },
          ),
        );
    }
    return { ...nic, present };
  });
  return { summary: { ...summary, disks, nics }, warnings };
}

/** The document checked against the host: refusals, per-item warnings, and the summary with presence. */
export function checkImport(
  doc: XmlDocument,
  facts: ImportHostFacts,
): { summary: ImportSummary; problems: EditProblem[]; warnings: EditProblem[] } {
  const base = summarizeImport(doc);
  const { summary, warnings } = presence(base, facts);
  return { summary, problems: hostProblems(doc, base, facts), warnings };
}
