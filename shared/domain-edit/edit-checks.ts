// Bad input caught before anything is defined: the same checks in the pane (on the field) and in
// the backend (refusing the edit).
import type { EditProblem } from '../api/domain-edit';
import { check, checkEnglish, type CheckMessage } from '../checks/check-message';
import type { XmlDocument, XmlElement } from '../xml/document';
import { readMemory } from '../xml/views/domain-memory';
import { readCpu, readVcpu } from '../xml/views/domain-cpu';
import { readOs } from '../xml/views/domain-os';
import { listDevices } from '../xml/views/devices/device-list';
import { readDeviceElement } from '../xml/views/devices/device-views';

const MAC_RE = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

/** Why a MAC address cannot be a NIC's (a key + values, issue 15), or undefined when it can. */
export function macProblem(mac: string): CheckMessage | undefined {
  if (!MAC_RE.test(mac)) return check('mac.notHex');
  if (parseInt(mac.slice(0, 2), 16) & 1) return check('mac.multicast');
  if (/^(00:){5}00$/.test(mac)) return check('mac.allZero');
  return undefined;
}

export interface HostLimits {
  cpus?: number;
  memoryKiB?: number;
}

/** Device keys as they were before an edit (a new MAC or target changes a device's key). */
export type KeyOf = (element: XmlElement, key: string) => string;

/** Remembers each device's key before an edit, for problems to name the field the pane shows. */
export function keysBefore(doc: XmlDocument): KeyOf {
  const keys = new Map(listDevices(doc).map((d) => [d.element, d.key]));
  return (element, key) => keys.get(element) ?? key;
}

/**
 * Everything wrong with a domain document an edit produced (empty: fine to define). `keyOf` names
 * devices as the edit's base did.
 */
export function checkDomain(
  doc: XmlDocument,
  host: HostLimits = {},
  keyOf: KeyOf = (_, k) => k,
): EditProblem[] {
  const problems: EditProblem[] = [];
  const add = (field: string, code: string, problem: CheckMessage) =>
    problems.push({ field, code, message: checkEnglish(problem), check: problem });
  const mib = (bytes: number) => Math.round(bytes / 1048576);
  const memory = readMemory(doc);
  if (
    memory.memory !== undefined &&
    memory.currentMemory !== undefined &&
    memory.currentMemory > memory.memory
  )
    add(
      'memory.currentMemory',
      'memory-above-max',
      check('domain.memoryAboveMax', { current: mib(memory.currentMemory), max: mib(memory.memory) }),
    );
  if (memory.memory !== undefined && memory.memory <= 0)
    add('memory.memory', 'memory-zero', check('domain.memoryZero'));
  if (host.memoryKiB && memory.memory !== undefined && memory.memory > host.memoryKiB * 1024)
    add(
      'memory.memory',
      'memory-above-host',
      check('domain.memoryAboveHost', { memory: mib(memory.memory), host: mib(host.memoryKiB * 1024) }),
    );
  const vcpu = readVcpu(doc);
  if (vcpu.count !== undefined && vcpu.count < 1) add('vcpu.count', 'vcpus-zero', check('domain.vcpusZero'));
  if (vcpu.count !== undefined && vcpu.current !== undefined && vcpu.current > vcpu.count)
    add(
      'vcpu.current',
      'vcpus-above-max',
      check('domain.vcpusAboveMax', { current: vcpu.current, max: vcpu.count }),
    );
  const cpu = readCpu(doc);
  const parts = [cpu.sockets, cpu.dies, cpu.clusters, cpu.cores, cpu.threads];
  if (cpu.sockets !== undefined && vcpu.count !== undefined) {
    const product = parts.reduce<number>((p, n) => p * (n ?? 1), 1);
    if (product !== vcpu.count)
      add(
        'cpu.sockets',
        'topology-mismatch',
        check('domain.topologyMismatch', { product, count: vcpu.count }),
      );
  }
  const os = readOs(doc);
  const bootIndices = new Map<number, string>();
  let perDeviceBoot = false;
  for (const ref of listDevices(doc)) {
    if (ref.kind !== 'disk' && ref.kind !== 'interface') continue;
    const order = readDeviceElement(ref.kind === 'interface' ? 'interface' : 'disk', ref.element).bootOrder;
    if (order === undefined) continue;
    perDeviceBoot = true;
    const other = bootIndices.get(order);
    if (other)
      add(
        `device:${keyOf(ref.element, ref.key)}.bootOrder`,
        'boot-duplicate',
        check('domain.bootDuplicate', { order, other }),
      );
    else bootIndices.set(order, ref.key);
  }
  for (const ref of listDevices(doc, 'interface')) {
    const mac = readDeviceElement('interface', ref.element).mac;
    const problem = mac === undefined ? undefined : macProblem(mac);
    if (problem)
      problems.push({
        field: `device:${keyOf(ref.element, ref.key)}.mac`,
        code: 'mac-invalid',
        message: checkEnglish(problem),
        check: problem,
      });
  }
  if (perDeviceBoot && (os.boot?.length ?? 0) > 0) add('os.boot', 'boot-mixed', check('domain.bootMixed'));
  if (os.kernel === undefined && (os.initrd !== undefined || os.cmdline !== undefined))
    add('os.kernel', 'kernel-missing', check('domain.kernelMissing'));
  return problems;
}
