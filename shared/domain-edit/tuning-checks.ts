// Bad tuning input caught before define (in the pane, and again in the backend with the host's
// topology): pins to host CPUs that do not exist, node sets outside the host's NUMA nodes, hugepage
// sizes the host lacks, memtune limits that contradict each other, values outside libvirt's ranges,
// and tuning a session connection cannot start a VM with.
import type { EditProblem } from '../api/domain-edit';
import type { XmlDocument } from '../xml/document';
import { readCpu, readCputune, readVcpu } from '../xml/views/domain-cpu';
import { readIothreads } from '../xml/views/domain-iothreads';
import { iothreadIds } from './iothread-ids';
import { readMemoryBacking, readMemtune } from '../xml/views/domain-memory';
import { readBlkiotune, readNumatune } from '../xml/views/domain-tuning';
import { parseIdList, type HostTopology } from './host-topology';

type Add = (field: string, code: string, message: string, values?: EditProblem['values']) => void;

const list = (ids: readonly number[]) => ids.join(', ');

/** A CPU list (`cpuset`) that must name host CPUs. */
function checkCpuset(add: Add, field: string, cpuset: string | undefined, host: HostTopology, what: string) {
  if (cpuset === undefined) return;
  const ids = parseIdList(cpuset);
  if (ids instanceof Error)
    return add(field, 'cpuset-syntax', `${what}: '${cpuset}' is not a CPU list (e.g. 0-3,^2,8)`, {
      what,
      cpuset,
    });
  if (host.cpus.length === 0) return;
  const missing = ids.filter((id) => !host.cpus.includes(id));
  if (missing.length > 0)
    add(
      field,
      'cpu-not-on-host',
      `${what}: host CPU ${list(missing)} does not exist (this host has CPUs ${list(host.cpus)})`,
      { what, missing: list(missing), cpus: list(host.cpus) },
    );
}

/** A node list (`nodeset`) that must name the host's NUMA nodes. */
function checkNodeset(
  add: Add,
  field: string,
  nodeset: string | undefined,
  nodes: readonly number[],
  what: string,
) {
  if (nodeset === undefined) return;
  const ids = parseIdList(nodeset);
  if (ids instanceof Error)
    return add(field, 'nodeset-syntax', `${what}: '${nodeset}' is not a node list (e.g. 0-1,3)`, {
      what,
      nodeset,
    });
  if (nodes.length === 0) return;
  const missing = ids.filter((id) => !nodes.includes(id));
  if (missing.length > 0)
    add(
      field,
      'node-not-on-host',
      `${what}: NUMA node ${list(missing)} does not exist (nodes: ${list(nodes)})`,
      { what, missing: list(missing), nodes: list(nodes) },
    );
}

function inRange(
  add: Add,
  field: string,
  value: number | undefined,
  min: number,
  max: number,
  allow: number[] = [],
) {
  if (value === undefined || allow.includes(value)) return;
  if (value < min || value > max)
    add(field, 'out-of-range', `${value} is outside ${min} … ${max}`, { value, min, max });
}

/** Reads a view, turning an unreadable value (a unit libvirt does not know) into a problem. */
function readOrReport<T>(add: Add, field: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    add(field, 'bad-unit', (error as Error).message, { message: (error as Error).message });
    return undefined;
  }
}

/** Every tuning problem of `doc` on `host` (empty: fine to define). */
export function checkTuning(doc: XmlDocument, host: HostTopology): EditProblem[] {
  const problems: EditProblem[] = [];
  const add: Add = (field, code, message, values) =>
    problems.push({ field, code, message, ...(values ? { values } : {}) });
  const vcpu = readVcpu(doc);
  const cputune = readCputune(doc);
  checkCpuset(add, 'vcpu.cpuset', vcpu.cpuset, host, 'vCPUs');
  for (const pin of cputune.vcpupin ?? []) {
    if (pin.vcpu !== undefined && vcpu.count !== undefined && pin.vcpu >= vcpu.count)
      add('cputune.vcpupin', 'vcpu-not-in-vm', `vCPU ${pin.vcpu} does not exist (the VM has ${vcpu.count})`, {
        vcpu: pin.vcpu,
        count: vcpu.count,
      });
    checkCpuset(add, 'cputune.vcpupin', pin.cpuset, host, `vCPU ${pin.vcpu ?? '?'}`);
  }
  checkCpuset(add, 'cputune.emulatorpin', cputune.emulatorpin, host, 'Emulator threads');
  const threads = iothreadIds(doc);
  for (const pin of cputune.iothreadpin ?? []) {
    if (pin.iothread !== undefined && !threads.includes(pin.iothread))
      add('cputune.iothreadpin', 'iothread-not-in-vm', `I/O thread ${pin.iothread} does not exist`, {
        iothread: pin.iothread,
      });
    checkCpuset(add, 'cputune.iothreadpin', pin.cpuset, host, `I/O thread ${pin.iothread ?? '?'}`);
  }
  inRange(add, 'cputune.shares', cputune.shares, 2, 262144);
  inRange(add, 'cputune.period', cputune.period, 1000, 1000000);
  inRange(add, 'cputune.quota', cputune.quota, 1000, 17592186044415, [-1]);
  const numatune = readNumatune(doc);
  checkNodeset(add, 'numatune.nodeset', numatune.nodeset, host.cells, 'Memory nodes');
  const guestCells = (readCpu(doc).numaCells ?? [])
    .map((c) => c.id)
    .filter((id): id is number => id !== undefined);
  for (const node of numatune.memnodes ?? []) {
    checkNodeset(add, 'numatune.memnodes', node.nodeset, host.cells, `Guest node ${node.cellid ?? '?'}`);
    if (node.cellid !== undefined && !guestCells.includes(node.cellid))
      add('numatune.memnodes', 'guest-cell-missing', `The VM has no guest NUMA cell ${node.cellid}`, {
        cell: node.cellid,
      });
  }
  const backing = readOrReport(add, 'memoryBacking.pages', () => readMemoryBacking(doc));
  for (const page of backing?.pages ?? []) {
    const kib = page.size === undefined ? undefined : page.size / 1024;
    if (kib !== undefined && host.pageSizesKiB.length > 0 && !host.pageSizesKiB.includes(kib))
      add(
        'memoryBacking.pages',
        'page-size-not-on-host',
        `The host has no ${kib} KiB pages (it has ${host.pageSizesKiB.map((s) => `${s} KiB`).join(', ')})`,
        { size: kib, sizes: host.pageSizesKiB.map((s) => `${s} KiB`).join(', ') },
      );
    // A page's nodeset names the guest's NUMA cells.
    if (page.nodeset !== undefined)
      checkNodeset(add, 'memoryBacking.pages', page.nodeset, guestCells, 'Huge pages for guest nodes');
  }
  const memtune = readOrReport(add, 'memtune.hardLimit', () => readMemtune(doc));
  if (
    memtune?.hardLimit !== undefined &&
    memtune.softLimit !== undefined &&
    memtune.hardLimit < memtune.softLimit
  )
    add('memtune.softLimit', 'soft-above-hard', 'The soft limit is above the hard limit');
  if (
    memtune?.hardLimit !== undefined &&
    memtune.swapHardLimit !== undefined &&
    memtune.swapHardLimit < memtune.hardLimit
  )
    add('memtune.swapHardLimit', 'swap-below-hard', 'The swap hard limit must be at least the hard limit');
  const blkio = readBlkiotune(doc);
  inRange(add, 'blkiotune.weight', blkio.weight, 10, 1000);
  for (const device of blkio.devices ?? []) {
    inRange(add, 'blkiotune.devices', device.weight, 10, 1000, [0]);
    if (device.path === undefined) add('blkiotune.devices', 'device-path-missing', 'A device needs its path');
  }
  if (host.session) {
    const session = (field: string, what: string) =>
      add(
        field,
        'session-no-cgroups',
        `${what} is not available on a session connection (qemu:///session): the VM would not start`,
        { what },
      );
    if (memtune && Object.values(memtune).some((v) => v !== undefined))
      session('memtune.hardLimit', 'Memory tuning');
    if (blkio.weight !== undefined || (blkio.devices?.length ?? 0) > 0)
      session('blkiotune.weight', 'Block I/O tuning');
    if (
      [cputune.shares, cputune.period, cputune.quota, cputune.emulatorPeriod, cputune.emulatorQuota].some(
        (v) => v !== undefined,
      )
    )
      session('cputune.shares', 'CPU scheduler tuning');
  }
  return problems;
}

/** The tuning a document has, as one comparable value (to skip reading the host when it is unchanged). */
export function tuningSnapshot(doc: XmlDocument): string {
  try {
    return JSON.stringify([
      readVcpu(doc).cpuset,
      readCputune(doc),
      readIothreads(doc),
      readNumatune(doc),
      readMemoryBacking(doc),
      readMemtune(doc),
      readBlkiotune(doc),
      readCpu(doc).numaCells,
    ]);
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
}

const problemId = (p: EditProblem) => `${p.field}\n${p.code}\n${p.message}`;

/**
 * The tuning problems an edit brings (those of `after` that `before` did not have already): a VM
 * imported with pins for another host can still get its title changed. Empty when the tuning is
 * unchanged.
 */
export function tuningProblemsOfEdit(
  before: XmlDocument,
  after: XmlDocument,
  host: HostTopology,
): EditProblem[] {
  if (tuningSnapshot(before) === tuningSnapshot(after)) return [];
  const old = new Set(checkTuning(before, host).map(problemId));
  return checkTuning(after, host).filter((p) => !old.has(problemId(p)));
}
