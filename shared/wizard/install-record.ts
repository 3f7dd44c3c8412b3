// "Customize before install" kept where it belongs: in the defined VM's own <metadata>, a VirtDesk
// element with what "Begin installation" and "Cancel installation" need, so a restarted VirtDesk (or
// another desktop) still shows the VM as waiting for its installation (docs/wizard.md).
//
//   <virtdesk:install xmlns:virtdesk="https://virtdesk.org/xmlns/install/1.0" uuid="…">
//     <virtdesk:phase>                          (absent: the defined document boots as it is)
//       <virtdesk:boot dev="hd"/>               (the final boot order, one per device)
//       <virtdesk:media pool="…" volume="…"/>   (or path="…": the install media to eject)
//     </virtdesk:phase>
//     <virtdesk:created pool="…" volume="…"/>   (each volume the wizard made, oldest first)
//   </virtdesk:install>
//
// Other applications' metadata is never touched. The element names the UUID it was written for: a
// clone of the VM carries the element under another UUID and is not taken for a pending install.
import type { DiskSource } from '../api/wizard';
import { documentRoot, type XmlElement } from '../xml/document';
import { el, elementChildren, getAttr, getText } from '../xml/node-ops';
import { parseXml } from '../xml/parse';
import { parseDomainXml, serializeDomainXml } from '../xml/objects';
import { serializeNode } from '../xml/serialize';
import { getMetadata, setMetadata } from '../xml/views/domain-metadata';
import { resolve } from '../xml/view-path';
import type { BootDevice } from '../xml/views/domain-os';
import type { InstallPhase } from './after-install';

export const INSTALL_NS = 'https://virtdesk.org/xmlns/install/1.0';
const P = 'virtdesk';

export interface CreatedVolume {
  pool: string;
  volume: string;
}

export interface InstallRecord {
  /** The UUID of the VM the record was written for. */
  uuid: string;
  /** Absent when the defined document boots as it is (import, cloud image, manual). */
  phase?: InstallPhase | undefined;
  /** The volumes the wizard created for the VM, oldest first (Cancel removes them newest first). */
  created: CreatedVolume[];
}

const BOOT_DEVICES: readonly BootDevice[] = ['hd', 'cdrom', 'network', 'fd'];

/** The record as the metadata element's XML. */
export function installRecordXml(record: InstallRecord): string {
  const kids = [];
  if (record.phase) {
    const { finalBoot, media } = record.phase;
    kids.push(
      el(
        `${P}:phase`,
        {},
        ...finalBoot.map((dev) => el(`${P}:boot`, { dev })),
        ...(media ? [el(`${P}:media`, 'path' in media ? { path: media.path } : { ...media })] : []),
      ),
    );
  }
  for (const c of record.created) kids.push(el(`${P}:created`, { pool: c.pool, volume: c.volume }));
  return serializeNode(el(`${P}:install`, { [`xmlns:${P}`]: INSTALL_NS, uuid: record.uuid }, ...kids));
}

/** A domain document with the record set (or removed with `undefined`); everything else as it was. */
export function withInstallRecord(domainXml: string, record: InstallRecord | undefined): string {
  const doc = parseDomainXml(domainXml);
  setMetadata(doc, INSTALL_NS, record && installRecordXml(record));
  return serializeDomainXml(doc);
}

export type RecordReading =
  { state: 'none' } | { state: 'ok'; record: InstallRecord } | { state: 'unreadable'; problem: string };

/**
 * The record in a domain document, checked: every part must be well formed and the UUID must be
 * the domain's own (a clone's copy is "none"). A damaged record is reported, never half-used.
 */
export function readInstallRecord(domainXml: string): RecordReading {
  const doc = parseDomainXml(domainXml);
  const text = getMetadata(doc, INSTALL_NS);
  if (text === undefined) return { state: 'none' };
  const domainUuid = resolve(documentRoot(doc), 'uuid');
  const uuid = domainUuid ? getText(domainUuid).trim().toLowerCase() : '';
  try {
    const root = documentRoot(parseXml(text, 'VirtDesk install metadata'));
    const recorded = (getAttr(root, 'uuid') ?? '').toLowerCase();
    if (!recorded) return { state: 'unreadable', problem: 'the record names no VM' };
    if (recorded !== uuid) return { state: 'none' };
    const record: InstallRecord = { uuid: recorded, created: [] };
    for (const child of elementChildren(root)) {
      const local = localName(child.name);
      if (local === 'created') record.created.push(poolVolume(child));
      else if (local === 'phase') record.phase = readPhase(child);
    }
    return { state: 'ok', record };
  } catch (error) {
    return { state: 'unreadable', problem: error instanceof Error ? error.message : String(error) };
  }
}

function readPhase(phase: XmlElement): InstallPhase {
  const finalBoot: BootDevice[] = [];
  let media: DiskSource | undefined;
  for (const child of elementChildren(phase)) {
    const local = localName(child.name);
    if (local === 'boot') {
      const dev = getAttr(child, 'dev') as BootDevice | undefined;
      if (!dev || !BOOT_DEVICES.includes(dev)) throw new Error(`a boot device "${dev ?? ''}" is not one`);
      finalBoot.push(dev);
    } else if (local === 'media') {
      const path = getAttr(child, 'path');
      if (path !== undefined) {
        if (!path.startsWith('/')) throw new Error('the install media path is not absolute');
        media = { path };
      } else media = poolVolume(child);
    }
  }
  if (finalBoot.length === 0) throw new Error('the record names no boot device');
  return { finalBoot, media };
}

function poolVolume(element: XmlElement): CreatedVolume {
  const pool = getAttr(element, 'pool') ?? '';
  const volume = getAttr(element, 'volume') ?? '';
  if (!pool || !volume || volume.includes('/'))
    throw new Error(`<${element.name}> needs a pool and a volume name`);
  return { pool, volume };
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
