import { isValidUnit, unitFactor } from '../../../shared/xml/units';
import { readElements, type QuickElement } from '../../../shared/xml/quick-read';

/** The few fields of a domain's XML the list shows (the full model lives in shared/xml). */
export interface DomainXmlSummary {
  uuid?: string;
  name?: string;
  title?: string;
  memoryKiB?: number;
  currentMemoryKiB?: number;
  vcpus?: number;
}

const WANTED = new Set(['uuid', 'name', 'title', 'memory', 'currentMemory', 'vcpu']);
/**
 * libvirt writes these before `<os>` (virDomainDefFormat: name, uuid, title, …, memory, vcpu, …,
 * os, …, devices): the devices — most of a document — are not read.
 */
const AFTER_WANTED = 'os';

function kib(element: QuickElement | undefined): number | undefined {
  if (!element) return undefined;
  const unit = element.attributes.get('unit') ?? 'KiB';
  const value = Number(element.text.trim());
  if (!isValidUnit(unit) || element.text.trim() === '' || !Number.isFinite(value)) return undefined;
  const factor = unitFactor(unit);
  return Math.round((value * factor) / 1024);
}

export function summarizeDomainXml(xml: string): DomainXmlSummary {
  const { root, elements } = readElements(xml, WANTED, AFTER_WANTED);
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
