import { z } from 'zod';

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

function pathProblem(label: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!value.startsWith('/')) return `${label} must be an absolute path (starting with /): “${value}”`;
  if (CONTROL.test(value)) return `${label} cannot contain line breaks or control characters`;
  if (value.split('/').some((part) => part === '..'))
    return `${label} cannot contain “..”: write the path it stands for`;
  return undefined;
}

function wordProblem(label: string, value: string | undefined, required: boolean): string | undefined {
  if (value === undefined || value.trim() === '') return required ? `${label} is required` : undefined;
  if (CONTROL.test(value) || /\s/.test(value)) return `${label} cannot contain spaces or control characters`;
  return undefined;
}

/**
 * Why a spec cannot be defined (for people), or undefined. Checked in the wizard and again in the
 * backend before anything runs, so nothing is half-created.
 */
export function poolSpecProblem(spec: PoolSpecInput): string | undefined {
  if (!spec.name) return 'A pool needs a name';
  if (!NAME.test(spec.name))
    return `“${spec.name}” cannot be a pool name: use letters, digits and . _ + : - (starting with a letter or digit)`;
  const problems: (string | undefined)[] = [];
  if ('targetPath' in spec) problems.push(pathProblem('The target path', spec.targetPath));
  switch (spec.type) {
    case 'fs':
    case 'disk':
      problems.push(pathProblem('The source device', spec.sourceDevice));
      break;
    case 'netfs':
      problems.push(wordProblem('The server', spec.host, true));
      problems.push(spec.format === 'cifs' ? wordProblem('The share', spec.sourcePath, true) : undefined);
      problems.push(spec.format === 'cifs' ? undefined : pathProblem('The exported path', spec.sourcePath));
      break;
    case 'logical':
      problems.push(wordProblem('The volume group', spec.volumeGroup, true));
      for (const device of spec.devices ?? []) problems.push(pathProblem('A device', device));
      break;
    case 'iscsi':
    case 'iscsi-direct':
      problems.push(wordProblem('The server', spec.host, true));
      problems.push(wordProblem('The target IQN', spec.target, true));
      problems.push(wordProblem('The initiator IQN', spec.initiator, spec.type === 'iscsi-direct'));
      break;
    case 'scsi':
      problems.push(wordProblem('The SCSI adapter', spec.adapter, true));
      break;
    case 'rbd':
      for (const h of spec.hosts) problems.push(wordProblem('A monitor host', h.host, true));
      problems.push(wordProblem('The Ceph pool', spec.sourceName, true));
      break;
    case 'gluster':
      problems.push(wordProblem('The server', spec.host, true));
      problems.push(wordProblem('The Gluster volume', spec.volume, true));
      problems.push(pathProblem('The directory', spec.dir));
      break;
    case 'zfs':
      problems.push(wordProblem('The ZFS pool', spec.zpool, true));
      for (const device of spec.devices ?? []) problems.push(pathProblem('A device', device));
      break;
  }
  return problems.find((p) => p !== undefined);
}
