// What the tuning checks know about a host: its CPUs, NUMA cells and page sizes (from
// `virsh capabilities`, as hosts/overview reads it), and whether it is a session connection.
import type { HostOverview } from '../api/host-overview';

export interface HostTopology {
  /** Logical CPU ids (from the NUMA cells, else 0 … cpus-1); empty when unknown. */
  cpus: number[];
  /** NUMA cell ids; empty when the host does not say. */
  cells: number[];
  /** Page sizes in KiB the host offers (base pages and each hugepage size). */
  pageSizesKiB: number[];
  /** qemu:///session: no cgroups, so no memtune, blkiotune or CPU scheduler tuning. */
  session: boolean;
}

export const isSessionUri = (uri: string): boolean => /^[a-z+]+:\/\/[^/]*\/session(\?|$)/.test(uri);

/** The topology of a host overview (`numaCells`, `cpus`, `uri`). */
export function topologyOf(overview: Pick<HostOverview, 'numaCells' | 'cpus' | 'uri'>): HostTopology {
  const cellCpus = overview.numaCells.flatMap((c) => c.cpus);
  const cpus =
    cellCpus.length > 0
      ? [...new Set(cellCpus)].sort((a, b) => a - b)
      : Array.from({ length: overview.cpus ?? 0 }, (_, i) => i);
  const pageSizesKiB = [...new Set(overview.numaCells.flatMap((c) => c.pages.map((p) => p.sizeKiB)))].sort(
    (a, b) => a - b,
  );
  return {
    cpus,
    cells: overview.numaCells.map((c) => c.id),
    pageSizesKiB,
    session: isSessionUri(overview.uri),
  };
}

/**
 * libvirt's CPU/node list syntax (`0-3,^2,8`, spaces allowed) → the ids it names, in order; an Error
 * says what is wrong with it.
 */
export function parseIdList(text: string): number[] | Error {
  const parts = text.split(',').map((p) => p.trim());
  if (text.trim() === '' || parts.some((p) => p === '')) return new Error('empty');
  const ids = new Set<number>();
  const excluded = new Set<number>();
  for (const part of parts) {
    const m = /^(\^)?\s*(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!m) return new Error(`'${part}' is not a number or a range`);
    const from = Number(m[2]);
    const to = m[3] === undefined ? from : Number(m[3]);
    if (to < from) return new Error(`'${part}' runs backwards`);
    if (m[1] && m[3] !== undefined) return new Error(`'${part}': only single ids can be excluded`);
    for (let i = from; i <= to; i++) (m[1] ? excluded : ids).add(i);
  }
  const result = [...ids].filter((i) => !excluded.has(i)).sort((a, b) => a - b);
  return result.length > 0 ? result : new Error('empty');
}
