import { z } from 'zod';
import { check, field, type CheckMessage } from '../checks/check-message';
import type { CheckKey } from '../checks/check-texts';

export const PoolType = z.enum([
  'dir',
  'fs',
  'netfs',
  'logical',
  'disk',
  'iscsi',
  'iscsi-direct',
  'scsi',
  'mpath',
  'rbd',
  'gluster',
  'zfs',
]);
export type PoolType = z.infer<typeof PoolType>;

export const NETFS_FORMATS = ['auto', 'nfs', 'cifs', 'glusterfs'] as const;

const name = z.string().max(200);
const path = z.string().max(4096);
const word = z.string().max(255);
const port = z.number().int().min(1).max(65535).optional();

/**
 * What the Add Pool wizard asks for, one shape per type (libvirt's storage pool XML format). The
 * `shared/xml` pool builder turns a spec into XML; nothing here is ever pasted into a string.
 */
export const PoolSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dir'), name, targetPath: path }),
  z.object({
    type: z.literal('fs'),
    name,
    sourceDevice: path,
    format: word.default('auto'),
    targetPath: path,
  }),
  z.object({
    type: z.literal('netfs'),
    name,
    host: word,
    /** The export (NFS), share (CIFS) or volume path (glusterfs). */
    sourcePath: path,
    format: z.enum(NETFS_FORMATS).default('auto'),
    targetPath: path,
  }),
  z.object({
    type: z.literal('logical'),
    name,
    /** The volume group (existing, or created from `devices` by Build). */
    volumeGroup: word,
    devices: z.array(path).max(64).default([]),
    targetPath: path.optional(),
  }),
  z.object({
    type: z.literal('disk'),
    name,
    sourceDevice: path,
    /** Partition table: dos, gpt, … (libvirt's default: auto-detect). */
    format: word.default('auto'),
    targetPath: path.default('/dev'),
  }),
  z.object({
    type: z.literal('iscsi'),
    name,
    host: word,
    port,
    /** The target's IQN. */
    target: word,
    initiator: word.optional(),
    targetPath: path.default('/dev/disk/by-path'),
  }),
  z.object({
    type: z.literal('iscsi-direct'),
    name,
    host: word,
    port,
    target: word,
    initiator: word,
  }),
  z.object({
    type: z.literal('scsi'),
    name,
    /** The SCSI host adapter, e.g. host0. */
    adapter: word,
    targetPath: path.default('/dev/disk/by-path'),
  }),
  z.object({ type: z.literal('mpath'), name, targetPath: path.default('/dev/mapper') }),
  z.object({
    type: z.literal('rbd'),
    name,
    hosts: z
      .array(z.object({ host: word, port }))
      .min(1)
      .max(16),
    /** The Ceph pool. */
    sourceName: word,
    /** cephx user and the libvirt secret (UUID) that holds its key. */
    authUser: word.optional(),
    secretUuid: word.optional(),
  }),
  z.object({
    type: z.literal('gluster'),
    name,
    host: word,
    /** The Gluster volume. */
    volume: word,
    /** A directory inside the volume ("/" for all of it). */
    dir: path.default('/'),
  }),
  z.object({
    type: z.literal('zfs'),
    name,
    /** The ZFS pool (existing, or created from `devices` by Build). */
    zpool: word,
    devices: z.array(path).max(64).default([]),
  }),
]);
export type PoolSpec = z.infer<typeof PoolSpec>;
export type PoolSpecInput = z.input<typeof PoolSpec>;

const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._+:-]*$/u;
const CONTROL = /[\x00-\x1f\x7f]/;

function pathProblem(label: CheckKey, value: string | undefined): CheckMessage | undefined {
  if (value === undefined) return undefined;
  if (!value.startsWith('/')) return check('pool.pathAbsolute', { field: field(label), value });
  if (CONTROL.test(value)) return check('pool.pathControl', { field: field(label) });
  if (value.split('/').some((part) => part === '..'))
    return check('pool.pathDotDot', { field: field(label) });
  return undefined;
}

function wordProblem(
  label: CheckKey,
  value: string | undefined,
  required: boolean,
): CheckMessage | undefined {
  if (value === undefined || value.trim() === '')
    return required ? check('pool.required', { field: field(label) }) : undefined;
  if (CONTROL.test(value) || /\s/.test(value)) return check('pool.wordSpaces', { field: field(label) });
  return undefined;
}

/**
 * Why a spec cannot be defined (a key + values, issue 15), or undefined. Checked in the dialog and
 * again in the backend before anything runs, so nothing is half-created.
 */
export function poolSpecProblem(spec: PoolSpecInput): CheckMessage | undefined {
  if (!spec.name) return check('pool.nameNeeded');
  if (!NAME.test(spec.name)) return check('pool.nameBad', { name: spec.name });
  const problems: (CheckMessage | undefined)[] = [];
  if ('targetPath' in spec) problems.push(pathProblem('poolField.targetPath', spec.targetPath));
  switch (spec.type) {
    case 'fs':
    case 'disk':
      problems.push(pathProblem('poolField.sourceDevice', spec.sourceDevice));
      break;
    case 'netfs':
      problems.push(wordProblem('poolField.server', spec.host, true));
      problems.push(
        spec.format === 'cifs' ? wordProblem('poolField.share', spec.sourcePath, true) : undefined,
      );
      problems.push(
        spec.format === 'cifs' ? undefined : pathProblem('poolField.exportedPath', spec.sourcePath),
      );
      break;
    case 'logical':
      problems.push(wordProblem('poolField.volumeGroup', spec.volumeGroup, true));
      for (const device of spec.devices ?? []) problems.push(pathProblem('poolField.device', device));
      break;
    case 'iscsi':
    case 'iscsi-direct':
      problems.push(wordProblem('poolField.server', spec.host, true));
      problems.push(wordProblem('poolField.targetIqn', spec.target, true));
      problems.push(wordProblem('poolField.initiatorIqn', spec.initiator, spec.type === 'iscsi-direct'));
      break;
    case 'scsi':
      problems.push(wordProblem('poolField.scsiAdapter', spec.adapter, true));
      break;
    case 'rbd':
      for (const h of spec.hosts) problems.push(wordProblem('poolField.monitorHost', h.host, true));
      problems.push(wordProblem('poolField.cephPool', spec.sourceName, true));
      break;
    case 'gluster':
      problems.push(wordProblem('poolField.server', spec.host, true));
      problems.push(wordProblem('poolField.glusterVolume', spec.volume, true));
      problems.push(pathProblem('poolField.directory', spec.dir));
      break;
    case 'zfs':
      problems.push(wordProblem('poolField.zfsPool', spec.zpool, true));
      for (const device of spec.devices ?? []) problems.push(pathProblem('poolField.device', device));
      break;
  }
  return problems.find((p) => p !== undefined);
}
