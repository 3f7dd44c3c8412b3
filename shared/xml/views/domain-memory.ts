// Memory: sizes in bytes (units kept as the document has them), memoryBacking and memtune.
import { documentRoot, type XmlDocument } from '../document';
import { attr, flag, intAttr, readFields, writeFields, type FieldValues } from './fields';
import { list } from './list-field';
import { scaledAttr, scaledText } from './scaled-field';

export const memoryFields = {
  /** Maximum allocation at boot (`<memory>`), bytes. */
  memory: scaledText('memory'),
  /** Actual allocation (`<currentMemory>`), bytes. */
  currentMemory: scaledText('currentMemory'),
  /** Hotplug ceiling (`<maxMemory>`), bytes, and its DIMM slots. */
  maxMemory: scaledText('maxMemory'),
  maxMemorySlots: intAttr('maxMemory', 'slots'),
  dumpCore: attr<'on' | 'off'>('memory', 'dumpCore'),
};

export const memoryBackingFields = {
  hugepages: flag('memoryBacking/hugepages'),
  /** Explicit page sizes; without them `<hugepages/>` means the host's default size. */
  pages: list(
    'memoryBacking/hugepages',
    'page',
    { size: scaledAttr('', 'size'), nodeset: attr('', 'nodeset') },
    { keepParent: true },
  ),
  nosharepages: flag('memoryBacking/nosharepages'),
  locked: flag('memoryBacking/locked'),
  source: attr<'file' | 'anonymous' | 'memfd'>('memoryBacking/source', 'type'),
  access: attr<'shared' | 'private'>('memoryBacking/access', 'mode'),
  allocation: attr<'immediate' | 'ondemand'>('memoryBacking/allocation', 'mode'),
  allocationThreads: intAttr('memoryBacking/allocation', 'threads'),
  discard: flag('memoryBacking/discard'),
};

export const memtuneFields = {
  hardLimit: scaledText('memtune/hard_limit'),
  softLimit: scaledText('memtune/soft_limit'),
  swapHardLimit: scaledText('memtune/swap_hard_limit'),
  minGuarantee: scaledText('memtune/min_guarantee'),
};

export type DomainMemory = FieldValues<typeof memoryFields>;
export type MemoryBacking = FieldValues<typeof memoryBackingFields>;
export type Memtune = FieldValues<typeof memtuneFields>;

export const readMemory = (doc: XmlDocument): DomainMemory => readFields(documentRoot(doc), memoryFields);
export const writeMemory = (doc: XmlDocument, patch: DomainMemory): void =>
  writeFields(documentRoot(doc), memoryFields, patch);
export const readMemoryBacking = (doc: XmlDocument): MemoryBacking =>
  readFields(documentRoot(doc), memoryBackingFields);
export const writeMemoryBacking = (doc: XmlDocument, patch: MemoryBacking): void =>
  writeFields(documentRoot(doc), memoryBackingFields, patch);
export const readMemtune = (doc: XmlDocument): Memtune => readFields(documentRoot(doc), memtuneFields);
export const writeMemtune = (doc: XmlDocument, patch: Memtune): void =>
  writeFields(documentRoot(doc), memtuneFields, patch);
