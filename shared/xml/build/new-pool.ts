// New storage pools for the Add Pool wizard: one typed spec per pool type → libvirt's storage pool
// XML (https://libvirt.org/formatstorage.html). Every user value goes into an attribute or a text
// node of the document model, which escapes it; nothing is concatenated into XML text.
import type { PoolSpec } from '../../api/pool-spec';
import { createDocument, type XmlDocument, type XmlElement } from '../document';
import { el, insertChild, textEl } from '../node-ops';
import { serializePoolXml } from '../objects';

const host = (name: string, port?: number) => el('host', { name, port });
const device = (path: string) => el('device', { path });
const format = (type: string | undefined) => (type && type !== 'auto' ? [el('format', { type })] : []);
const target = (path: string | undefined) => (path ? [el('target', {}, textEl('path', path))] : []);

/** iSCSI (through the host's initiator) and iSCSI direct (libiscsi) name their target alike. */
function iscsiSource(spec: {
  host: string;
  port?: number | undefined;
  target: string;
  initiator?: string | undefined;
}) {
  const initiator = spec.initiator ? [el('initiator', {}, el('iqn', { name: spec.initiator }))] : [];
  return el('source', {}, host(spec.host, spec.port), device(spec.target), ...initiator);
}

/** The `<source>` and `<target>` children for the spec's type. */
function parts(spec: PoolSpec): XmlElement[] {
  switch (spec.type) {
    case 'dir':
      return target(spec.targetPath);
    case 'fs':
      return [
        el('source', {}, device(spec.sourceDevice), ...format(spec.format)),
        ...target(spec.targetPath),
      ];
    case 'netfs':
      return [
        el('source', {}, host(spec.host), el('dir', { path: spec.sourcePath }), ...format(spec.format)),
        ...target(spec.targetPath),
      ];
    case 'logical':
      return [
        el(
          'source',
          {},
          ...spec.devices.map(device),
          textEl('name', spec.volumeGroup),
          ...format(spec.devices.length > 0 ? 'lvm2' : undefined),
        ),
        // libvirt's schema wants a target; the VG's device directory is what libvirt fills in anyway.
        ...target(spec.targetPath ?? `/dev/${spec.volumeGroup}`),
      ];
    case 'disk':
      return [
        el('source', {}, device(spec.sourceDevice), ...format(spec.format)),
        ...target(spec.targetPath),
      ];
    case 'iscsi':
      return [iscsiSource(spec), ...target(spec.targetPath)];
    case 'iscsi-direct':
      return [iscsiSource(spec)];
    case 'scsi':
      return [
        el('source', {}, el('adapter', { type: 'scsi_host', name: spec.adapter })),
        ...target(spec.targetPath),
      ];
    case 'mpath':
      return target(spec.targetPath);
    case 'rbd':
      return [
        el(
          'source',
          {},
          textEl('name', spec.sourceName),
          ...spec.hosts.map((h) => host(h.host, h.port)),
          ...(spec.authUser && spec.secretUuid
            ? [el('auth', { type: 'ceph', username: spec.authUser }, el('secret', { uuid: spec.secretUuid }))]
            : []),
        ),
      ];
    case 'gluster':
      return [el('source', {}, host(spec.host), el('dir', { path: spec.dir }), textEl('name', spec.volume))];
    case 'zfs':
      return [el('source', {}, textEl('name', spec.zpool), ...spec.devices.map(device))];
  }
}

/** A new pool's document (the spec must have passed `poolSpecProblem`). */
export function buildNewPool(spec: PoolSpec): XmlDocument {
  const root = el('pool', { type: spec.type });
  const doc = createDocument(root);
  insertChild(root, textEl('name', spec.name), 0);
  for (const part of parts(spec)) insertChild(root, part, 0);
  return doc;
}

export function newPoolXml(spec: PoolSpec): string {
  return serializePoolXml(buildNewPool(spec));
}
