// New storage volumes (vol-create), from a plain description, through the volume view.
import { createDocument, createElement, type XmlDocument } from '../document';
import { writeVolume } from '../views/volume';

export const VOLUME_FORMATS = ['qcow2', 'raw', 'iso', 'vmdk', 'vdi', 'qed', 'vpc'] as const;
export type VolumeFormat = (typeof VOLUME_FORMATS)[number];

export interface NewVolumeSpec {
  name: string;
  format: VolumeFormat;
  capacityBytes: number;
  /** Allocate every byte now (`allocation` = capacity) or create it sparse (allocation 0). */
  allocateNow: boolean;
  /** qcow2 only: the path of the volume this one starts from (copy-on-write). */
  backing?: { path: string; format: string };
}

/** Why `name` cannot be a volume name, or undefined when it can (spaces, quotes, unicode are fine). */
export function volumeNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'A volume needs a name';
  if (name === '.' || name === '..') return `"${name}" cannot be a volume name`;
  if (name.includes('/')) return 'A volume name cannot contain "/"';
  if (/[\x00-\x1f\x7f]/.test(name)) return 'A volume name cannot contain control characters';
  if (new TextEncoder().encode(name).length > 255) return 'A volume name can have at most 255 bytes';
  return undefined;
}

export function buildNewVolume(spec: NewVolumeSpec): XmlDocument {
  const problem = volumeNameProblem(spec.name);
  if (problem) throw new Error(problem);
  if (!Number.isSafeInteger(spec.capacityBytes) || spec.capacityBytes <= 0)
    throw new Error('A volume needs a capacity above 0 bytes');
  if (spec.backing && spec.format !== 'qcow2')
    throw new Error('Only qcow2 volumes can have a backing volume');
  const doc = createDocument(createElement('volume', { type: 'file' }));
  writeVolume(doc, {
    name: spec.name,
    capacity: spec.capacityBytes,
    capacityUnit: 'bytes',
    allocation: spec.allocateNow ? spec.capacityBytes : 0,
    allocationUnit: 'bytes',
    format: spec.format,
    ...(spec.backing ? { backingPath: spec.backing.path, backingFormat: spec.backing.format } : {}),
  });
  return doc;
}
