import { XMLParser } from 'fast-xml-parser';

/** The few fields of a domain's XML the list shows (the full model lives in shared/xml). */
export interface DomainXmlSummary {
  uuid?: string;
  name?: string;
  title?: string;
  memoryKiB?: number;
  currentMemoryKiB?: number;
  vcpus?: number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  isArray: () => false,
});

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

type Node = { '#text'?: string; '@unit'?: string; '@current'?: string } | string | undefined;

function text(node: Node): string | undefined {
  if (node === undefined) return undefined;
  return typeof node === 'string' ? node : node['#text'];
}

function kib(node: Node): number | undefined {
  const raw = text(node);
  if (raw === undefined) return undefined;
  const unit = (typeof node === 'object' ? node['@unit'] : undefined)?.toLowerCase() ?? 'kib';
  const factor = UNIT_BYTES[unit];
  const value = Number(raw.trim());
  if (!factor || !Number.isFinite(value)) return undefined;
  return Math.round((value * factor) / 1024);
}

export function summarizeDomainXml(xml: string): DomainXmlSummary {
  const doc = parser.parse(xml) as { domain?: Record<string, Node> };
  const domain = doc.domain;
  if (!domain || typeof domain !== 'object') throw new Error('Not a libvirt domain XML document');
  const vcpu = domain['vcpu'];
  const current = typeof vcpu === 'object' ? vcpu['@current'] : undefined;
  const vcpus = Number(current ?? text(vcpu));
  const summary: DomainXmlSummary = {};
  const uuid = text(domain['uuid'])?.trim().toLowerCase();
  const name = text(domain['name']);
  const title = text(domain['title']);
  const memoryKiB = kib(domain['memory']);
  const currentMemoryKiB = kib(domain['currentMemory']);
  if (uuid) summary.uuid = uuid;
  if (name !== undefined) summary.name = name;
  if (title) summary.title = title;
  if (memoryKiB !== undefined) summary.memoryKiB = memoryKiB;
  if (currentMemoryKiB !== undefined) summary.currentMemoryKiB = currentMemoryKiB;
  if (Number.isInteger(vcpus) && vcpus > 0) summary.vcpus = vcpus;
  return summary;
}
