import type { HostOverview, NumaCell } from '../../../../shared/api/host-overview';
import { findChild, findChildren, getAttr, getText } from '../../../../shared/xml/node-ops';
import { parseXml } from '../../../../shared/xml/parse';
import { documentRoot, type XmlElement } from '../../../../shared/xml/document';
import { parseKeyValues } from '../../virsh/parse-list';
import type { VirshRunner } from '../../virsh/virsh-runner';

/**
 * The host's overview from four virsh commands, pipelined on the shell: `version --daemon`,
 * `hostname`, `nodeinfo`, `capabilities` (NUMA cells, CPU model and topology, pages per size) and
 * `freecell --all` / `freepages --all` for what is free. Any command a driver lacks is left out.
 */
export async function readHostOverview(shell: VirshRunner, uri: string): Promise<HostOverview> {
  const optional = (argv: string[]) => shell.run(argv).catch(() => '');
  const [version, hostname, nodeinfo, capabilities, freecell, freepages] = await Promise.all([
    optional(['version', '--daemon']),
    optional(['hostname']),
    optional(['nodeinfo']),
    optional(['capabilities']),
    optional(['freecell', '--all']),
    optional(['freepages', '--all']),
  ]);
  const versions = parseKeyValues(version);
  const node = parseKeyValues(nodeinfo);
  const num = (key: string) => {
    const value = Number.parseFloat(node.get(key) ?? '');
    return Number.isFinite(value) ? value : undefined;
  };
  const caps = capabilitiesCpu(capabilities);
  const free = parseFreecell(freecell);
  const freePages = parseFreepages(freepages);
  const cells = caps.cells.map((cell) => ({
    ...cell,
    ...(free.cells.has(cell.id) ? { freeKiB: free.cells.get(cell.id)! } : {}),
    pages: cell.pages.map((p) => {
      const f = freePages.get(`${cell.id}/${p.sizeKiB}`);
      return f === undefined ? p : { ...p, free: f };
    }),
  }));
  const overview: HostOverview = { uri, numaCells: cells };
  const set = <K extends keyof HostOverview>(key: K, value: HostOverview[K] | undefined) => {
    if (value !== undefined && value !== '') overview[key] = value;
  };
  set('hostname', hostname.trim());
  set('libvirtVersion', versions.get('Running against daemon') ?? versions.get('Using library'));
  set('hypervisor', versions.get('Running hypervisor'));
  set('virshVersion', versions.get('Compiled against library'));
  set('cpuModel', caps.model ?? node.get('CPU model'));
  set('cpuVendor', caps.vendor);
  set('arch', caps.arch ?? node.get('CPU model'));
  set('cpus', num('CPU(s)'));
  set('mhz', num('CPU frequency'));
  set('sockets', caps.sockets ?? num('CPU socket(s)'));
  set('cores', caps.cores ?? num('Core(s) per socket'));
  set('threads', caps.threads ?? num('Thread(s) per core'));
  set('memoryKiB', num('Memory size'));
  set('freeMemoryKiB', free.total);
  return overview;
}

interface CapsCpu {
  model?: string;
  vendor?: string;
  arch?: string;
  sockets?: number;
  cores?: number;
  threads?: number;
  cells: NumaCell[];
}

export function capabilitiesCpu(xml: string): CapsCpu {
  if (!xml.trim()) return { cells: [] };
  const host = findChild(documentRoot(parseXml(xml, 'capabilities XML')), 'host');
  const cpu = host && findChild(host, 'cpu');
  const topology = cpu && findChild(cpu, 'topology');
  const int = (el: XmlElement | undefined, name: string) => {
    const value = el ? Number.parseInt(getAttr(el, name) ?? '', 10) : Number.NaN;
    return Number.isFinite(value) ? value : undefined;
  };
  const text = (name: string) => {
    const el = cpu && findChild(cpu, name);
    return el ? getText(el).trim() : undefined;
  };
  const cellsEl = host && findChild(host, 'topology');
  const cells = (cellsEl ? findChildren(findChild(cellsEl, 'cells') ?? cellsEl, 'cell') : []).map((cell) => {
    const memory = findChild(cell, 'memory');
    const cpus = findChild(cell, 'cpus');
    return {
      id: int(cell, 'id') ?? 0,
      ...(memory ? { memoryKiB: Number.parseInt(getText(memory), 10) } : {}),
      cpus: cpus ? findChildren(cpus, 'cpu').map((c) => int(c, 'id') ?? -1) : [],
      pages: findChildren(cell, 'pages').map((p) => ({
        sizeKiB: int(p, 'size') ?? 0,
        total: Number.parseInt(getText(p), 10) || 0,
      })),
    };
  });
  const result: CapsCpu = { cells };
  const assign = <K extends keyof CapsCpu>(key: K, value: CapsCpu[K] | undefined) => {
    if (value !== undefined && value !== '') result[key] = value;
  };
  assign('model', text('model'));
  assign('vendor', text('vendor'));
  assign('arch', text('arch'));
  assign('sockets', int(topology, 'sockets'));
  assign('cores', int(topology, 'cores'));
  assign('threads', int(topology, 'threads'));
  return result;
}

/**
 * `virsh freecell --all`: "    0:    6417656 KiB" per cell, then "Total:    6417656 KiB" — which
 * `virsh -q` leaves out (it is printed as extra information), so the total is also the cells' sum.
 */
export function parseFreecell(output: string): { cells: Map<number, number>; total?: number } {
  const cells = new Map<number, number>();
  let total: number | undefined;
  for (const line of output.split('\n')) {
    const m = /^\s*(\d+|Total):\s+(\d+)\s+KiB/.exec(line);
    if (!m) continue;
    if (m[1] === 'Total') total = Number(m[2]);
    else cells.set(Number(m[1]), Number(m[2]));
  }
  if (total === undefined && cells.size > 0) total = [...cells.values()].reduce((a, b) => a + b, 0);
  return total === undefined ? { cells } : { cells, total };
}

/** `virsh freepages --all`: "Node 0:" then "2048KiB: 12" lines → free pages by "cell/sizeKiB". */
export function parseFreepages(output: string): Map<string, number> {
  const free = new Map<string, number>();
  let cell = 0;
  for (const line of output.split('\n')) {
    const node = /^Node (\d+):/.exec(line);
    if (node) cell = Number(node[1]);
    const page = /^(\d+)KiB:\s+(\d+)/.exec(line.trim());
    if (page) free.set(`${cell}/${page[1]}`, Number(page[2]));
  }
  return free;
}
