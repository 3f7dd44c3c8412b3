// What the host CPU map shows: per NUMA node, each host CPU and what the VM pins to it.
import type { NumaCell } from '../../../shared/api/host-overview';
import { parseIdList } from '../../../shared/domain-edit/host-topology';
import type { XmlDocument } from '../../../shared/xml/document';
import { readCputune } from '../../../shared/xml/views/domain-cpu';

export interface CpuMapNode {
  id: number;
  memoryKiB?: number;
  pages: NumaCell['pages'];
  cpus: { id: number; pinned: string[] }[];
}

/** Pins by host CPU: `vCPU 0`, `emulator`, `I/O thread 1` (codes the map translates). */
export function cpuMap(cells: readonly NumaCell[], doc: XmlDocument): CpuMapNode[] {
  const tune = readCputune(doc);
  const byCpu = new Map<number, string[]>();
  const pin = (cpuset: string | undefined, what: string) => {
    const ids = cpuset === undefined ? [] : parseIdList(cpuset);
    if (ids instanceof Error) return;
    for (const id of ids) byCpu.set(id, [...(byCpu.get(id) ?? []), what]);
  };
  for (const p of tune.vcpupin ?? []) pin(p.cpuset, `vcpu:${p.vcpu ?? '?'}`);
  pin(tune.emulatorpin, 'emulator');
  for (const p of tune.iothreadpin ?? []) pin(p.cpuset, `iothread:${p.iothread ?? '?'}`);
  return cells.map((cell) => ({
    id: cell.id,
    ...(cell.memoryKiB !== undefined ? { memoryKiB: cell.memoryKiB } : {}),
    pages: cell.pages,
    cpus: cell.cpus.map((id) => ({ id, pinned: byCpu.get(id) ?? [] })),
  }));
}
