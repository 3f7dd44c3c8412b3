// What waits for the next guest shutdown: the inactive definition compared with the running one,
// field by field, through the same typed views the panes edit. Values libvirt only fills in at run
// time (a NIC's vnetN, an autoport display's port, aliases and addresses) are not differences.
import type { XmlDocument } from '../xml/document';
import { readMemory } from '../xml/views/domain-memory';
import { readCpu, readVcpu } from '../xml/views/domain-cpu';
import { readOs } from '../xml/views/domain-os';
import { readGeneral } from '../xml/views/domain-general';
import { listDevices } from '../xml/views/devices/device-list';
import { stripLiveAliases } from './live-keys';
import { pendingTuning } from './pending-tuning';
import { DEVICE_FIELDS, readDeviceElement, type KnownDeviceKind } from '../xml/views/devices/device-views';

/** Fields each kind of device gets at run time without the user asking. */
const RUNTIME_FIELDS: Record<string, ReadonlySet<string>> = {
  interface: new Set(['targetDev', 'driverName']),
  graphics: new Set(['port', 'tlsPort', 'websocket', 'listens']),
  disk: new Set(['driverName']),
  serial: new Set(['sourcePath']),
  console: new Set(['sourcePath']),
  channel: new Set(['sourcePath', 'sourceMode']),
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function compare(prefix: string, inactive: object, live: object, skip: ReadonlySet<string>, out: string[]) {
  const a = inactive as Record<string, unknown>;
  const b = live as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (skip.has(key)) continue;
    // Defaults libvirt writes into the live XML only (a value the definition leaves open).
    if (a[key] === undefined && typeof b[key] !== 'boolean') continue;
    if (!same(a[key] ?? (typeof b[key] === 'boolean' ? false : undefined), b[key]))
      out.push(`${prefix}.${key}`);
  }
}

/** Field names (as the panes and FieldOutcome name them) whose running value differs from the definition. */
export function pendingChanges(inactive: XmlDocument, running: XmlDocument): string[] {
  const live = stripLiveAliases(running);
  const out: string[] = [];
  const none = new Set<string>();
  compare('memory', { memory: readMemory(inactive).memory }, { memory: readMemory(live).memory }, none, out);
  compare('vcpu', readVcpu(inactive), readVcpu(live), new Set(['current', 'vcpus', 'placement']), out);
  const cpu = (doc: XmlDocument) => {
    const { mode, model, sockets, dies, clusters, cores, threads } = readCpu(doc);
    return { mode, model, sockets, dies, clusters, cores, threads };
  };
  // A running host-model CPU is expanded into a custom model: compare the mode only then.
  const cpuA = cpu(inactive);
  const cpuB = cpu(live);
  compare(
    'cpu',
    cpuA,
    cpuA.mode === 'host-model' ? { ...cpuB, mode: 'host-model', model: cpuA.model } : cpuB,
    new Set(['dies', 'clusters']),
    out,
  );
  const os = (doc: XmlDocument) => {
    const { boot, bootMenu, kernel, initrd, cmdline, dtb, firmware } = readOs(doc);
    return { boot, bootMenu, kernel, initrd, cmdline, dtb, firmware };
  };
  compare('os', os(inactive), os(live), none, out);
  const general = (doc: XmlDocument) => {
    const { title, description } = readGeneral(doc);
    return { title, description };
  };
  compare('general', general(inactive), general(live), none, out);
  // Performance tuning (issue 13)
  out.push(...pendingTuning(inactive, live));
  const liveDevices = new Map(listDevices(live).map((d) => [d.key, d]));
  const seen = new Set<string>();
  for (const device of listDevices(inactive)) {
    if (!(device.kind in DEVICE_FIELDS)) continue;
    const running = liveDevices.get(device.key);
    seen.add(device.key);
    if (!running) {
      out.push(`device:${device.key}`);
      continue;
    }
    const kind = device.kind as KnownDeviceKind;
    const runningValues = readDeviceElement(kind, running.element) as Record<string, unknown>;
    const skip = new Set(RUNTIME_FIELDS[kind] ?? none);
    // An empty CD-ROM drive loses its driver's format while running.
    if (
      kind === 'disk' &&
      runningValues['sourceFile'] === undefined &&
      runningValues['sourceDev'] === undefined
    )
      skip.add('format');
    compare(`device:${device.key}`, readDeviceElement(kind, device.element), runningValues, skip, out);
  }
  for (const key of liveDevices.keys())
    if (!seen.has(key) && liveDevices.get(key)!.kind in DEVICE_FIELDS) out.push(`device:${key}`);
  return out;
}
