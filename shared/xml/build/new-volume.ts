// New storage volumes (vol-create), from a plain description, through the volume view.
import { check, checkEnglish, type CheckMessage } from '../../checks/check-message';
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
export function volumeNameCheck(name: string): CheckMessage | undefined {
  if (name.trim() === '') return check('volume.nameNeeded');
  if (name === '.' || name === '..') return check('volume.nameDots', { name });
  if (name.includes('/')) return check('volume.nameSlash');
  if (/[\x00-\x1f\x7f]/.test(name)) return check('volume.nameControl');
  if (new TextEncoder().encode(name).length > 255) return check('volume.nameLong');
  return undefined;
}

/** `volumeNameCheck`'s English text (backend errors, logs). */
export function volumeNameProblem(name: string): string | undefined {
  const problem = volumeNameCheck(name);
  return problem && checkEnglish(problem);
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
