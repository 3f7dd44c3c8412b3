import { readTopLevelElements, type TopLevelElement } from './top-level-elements';

/** The few fields of a domain's XML the list shows (the full model lives in shared/xml). */
export interface DomainXmlSummary {
  uuid?: string;
  name?: string;
  title?: string;
  memoryKiB?: number;
  currentMemoryKiB?: number;
  vcpus?: number;
}

/** Bytes per unit, exactly as libvirt defines them (KB = 1000, KiB/k = 1024, …). */
const UNIT_BYTES: Record<string, number> = {
  b: 1,
  bytes: 1,
  kb: 1e3,
  k: 1024,
  kib: 1024,
  mb: 1e6,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1e9,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  tb: 1e12,
  t: 1024 ** 4,
  tib: 1024 ** 4,
};

const WANTED = new Set(['uuid', 'name', 'title', 'memory', 'currentMemory', 'vcpu']);

function kib(element: TopLevelElement | undefined): number | undefined {
  if (!element) return undefined;
  const factor = UNIT_BYTES[(element.attributes.get('unit') ?? 'KiB').toLowerCase()];
  const value = Number(element.text.trim());
  if (!factor || element.text.trim() === '' || !Number.isFinite(value)) return undefined;
  return Math.round((value * factor) / 1024);
}

export function summarizeDomainXml(xml: string): DomainXmlSummary {
  const { root, elements } = readTopLevelElements(xml, WANTED);
  if (root !== 'domain') throw new Error('Not a libvirt domain XML document');
  const vcpu = elements.get('vcpu');
  const vcpus = Number(vcpu?.attributes.get('current') ?? vcpu?.text);
  const summary: DomainXmlSummary = {};
  const uuid = elements.get('uuid')?.text.trim().toLowerCase();
  const name = elements.get('name')?.text;
  const title = elements.get('title')?.text;
  const memoryKiB = kib(elements.get('memory'));
  const currentMemoryKiB = kib(elements.get('currentMemory'));
  if (uuid) summary.uuid = uuid;
  if (name !== undefined) summary.name = name;
  if (title) summary.title = title;
  if (memoryKiB !== undefined) summary.memoryKiB = memoryKiB;
  if (currentMemoryKiB !== undefined) summary.currentMemoryKiB = currentMemoryKiB;
  if (Number.isInteger(vcpus) && vcpus > 0) summary.vcpus = vcpus;
  return summary;
}
