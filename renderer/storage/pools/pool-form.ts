import { PoolSpec, poolSpecProblem, type PoolSource, type PoolType } from '../../../shared/api/pools';
import type { PoolSpecInput } from '../../../shared/api/pool-spec';
import { check, type CheckMessage } from '../../../shared/checks/check-message';

export type PoolField =
  | 'targetPath'
  | 'sourceDevice'
  | 'format'
  | 'host'
  | 'sourcePath'
  | 'volumeGroup'
  | 'devices'
  | 'port'
  | 'target'
  | 'initiator'
  | 'adapter'
  | 'sourceName'
  | 'monitors'
  | 'authUser'
  | 'secretUuid'
  | 'volume'
  | 'dir'
  | 'zpool';

/** The fields each type asks for, in order. */
export const FIELDS: Record<PoolType, readonly PoolField[]> = {
  dir: ['targetPath'],
  fs: ['sourceDevice', 'format', 'targetPath'],
  netfs: ['host', 'sourcePath', 'format', 'targetPath'],
  logical: ['volumeGroup', 'devices', 'targetPath'],
  disk: ['sourceDevice', 'format', 'targetPath'],
  iscsi: ['host', 'port', 'target', 'initiator', 'targetPath'],
  'iscsi-direct': ['host', 'port', 'target', 'initiator'],
  scsi: ['adapter', 'targetPath'],
  mpath: ['targetPath'],
  rbd: ['monitors', 'sourceName', 'authUser', 'secretUuid'],
  gluster: ['host', 'volume', 'dir'],
  zfs: ['zpool', 'devices'],
};

/** Multi-line fields (one entry per line). */
export const MULTILINE: ReadonlySet<PoolField> = new Set(['devices', 'monitors']);

/** Types libvirt can look for sources of (`find-storage-pool-sources-as`). */
export const DISCOVERABLE = ['netfs', 'iscsi', 'logical', 'gluster'] as const;
export type DiscoverableType = (typeof DISCOVERABLE)[number];
export const isDiscoverable = (type: PoolType): type is DiscoverableType =>
  (DISCOVERABLE as readonly string[]).includes(type);

const DEFAULTS: Partial<Record<PoolType, Partial<Record<PoolField, string>>>> = {
  netfs: { format: 'nfs' },
  disk: { targetPath: '/dev', format: 'auto' },
  fs: { format: 'auto' },
  iscsi: { targetPath: '/dev/disk/by-path' },
  scsi: { targetPath: '/dev/disk/by-path' },
  mpath: { targetPath: '/dev/mapper' },
  gluster: { dir: '/' },
};

export type PoolForm = { type: PoolType; name: string; values: Partial<Record<PoolField, string>> };

export function emptyForm(type: PoolType, name = ''): PoolForm {
  return { type, name, values: { ...DEFAULTS[type] } };
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function port(text: string | undefined): number | undefined {
  return text && text.trim() ? Number(text.trim()) : undefined;
}

/** The form as the contract's spec (optional fields left out when empty). */
export function specFromForm(form: PoolForm): PoolSpecInput {
  const v = (key: PoolField) => form.values[key]?.trim() ?? '';
  const opt = (key: PoolField) => v(key) || undefined;
  const name = form.name.trim();
  switch (form.type) {
    case 'dir':
    case 'mpath':
      return { type: form.type, name, targetPath: v('targetPath') };
    case 'fs':
    case 'disk':
      return {
        type: form.type,
        name,
        sourceDevice: v('sourceDevice'),
        format: v('format') || 'auto',
        targetPath: v('targetPath'),
      };
    case 'netfs':
      return {
        type: 'netfs',
        name,
        host: v('host'),
        sourcePath: v('sourcePath'),
        format: (v('format') || 'auto') as 'auto',
        targetPath: v('targetPath'),
      };
    case 'logical':
      return {
        type: 'logical',
        name,
        volumeGroup: v('volumeGroup'),
        devices: lines(form.values.devices),
        targetPath: opt('targetPath'),
      };
    case 'iscsi':
      return {
        type: 'iscsi',
        name,
        host: v('host'),
        port: port(form.values.port),
        target: v('target'),
        initiator: opt('initiator'),
        targetPath: v('targetPath'),
      };
    case 'iscsi-direct':
      return {
        type: 'iscsi-direct',
        name,
        host: v('host'),
        port: port(form.values.port),
        target: v('target'),
        initiator: v('initiator'),
      };
    case 'scsi':
      return { type: 'scsi', name, adapter: v('adapter'), targetPath: v('targetPath') };
    case 'rbd':
      return {
        type: 'rbd',
        name,
        hosts: lines(form.values.monitors).map((m) => {
          const [host = '', p] = m.split(':');
          return { host, port: port(p) };
        }),
        sourceName: v('sourceName'),
        authUser: opt('authUser'),
        secretUuid: opt('secretUuid'),
      };
    case 'gluster':
      return { type: 'gluster', name, host: v('host'), volume: v('volume'), dir: v('dir') || '/' };
    case 'zfs':
      return { type: 'zfs', name, zpool: v('zpool'), devices: lines(form.values.devices) };
  }
}

/** Why the form cannot be sent (a key + values: the dialog translates it), or undefined. */
export function formProblem(form: PoolForm): CheckMessage | undefined {
  const spec = specFromForm(form);
  const problem = poolSpecProblem(spec);
  if (problem) return problem;
  const parsed = PoolSpec.safeParse(spec);
  return parsed.success
    ? undefined
    : check('pool.invalid', {
        detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
}

/** A found source, filled into the form's fields. */
export function applySource(form: PoolForm, source: PoolSource): PoolForm {
  const values = { ...form.values };
  if (source.host) values.host = source.host;
  if (form.type === 'netfs' && source.dir) values.sourcePath = source.dir;
  if (form.type === 'netfs' && source.format) values.format = source.format;
  if (form.type === 'logical' && source.name) values.volumeGroup = source.name;
  if (form.type === 'iscsi' && source.devices[0]) values.target = source.devices[0];
  if (form.type === 'gluster' && source.name) values.volume = source.name;
  return { ...form, values };
}

/** How a found source is named on its "Use" button. */
export function describeSource(source: PoolSource): string {
  return [source.host, source.dir, source.name, ...source.devices].filter(Boolean).join(' ');
}
