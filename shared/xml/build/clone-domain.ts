// A clone's definition from its source's inactive XML: everything kept except what must differ.
import { documentRoot, type XmlDocument } from '../document';
import { findChild } from '../node-ops';
import { writeGeneral } from '../views/domain-general';
import { listDevices, removeDevice } from '../views/devices/device-list';
import { readDeviceElement, updateDevice } from '../views/devices/device-views';
import { randomMac } from '../views/devices/interface';

export type CloneDiskChange = { mode: 'clone'; path: string } | { mode: 'share' } | { mode: 'none' };

/**
 * Turns `doc` (a copy of the source's inactive XML) into the clone's: the new name; no UUID (libvirt
 * makes one); no generation id; a new MAC for every NIC (never the source's, never one in `usedMacs`, none twice); each
 * disk by target cloned to its new path, shared, or removed; and for UEFI guests the NVRAM path
 * dropped, so libvirt gives the clone its own variables file from the firmware's template.
 */
export function cloneDomainXml(
  doc: XmlDocument,
  name: string,
  disks: ReadonlyMap<string, CloneDiskChange>,
  usedMacs: ReadonlySet<string> = new Set(),
  mac: () => string = () => randomMac(),
): void {
  writeGeneral(doc, { name, uuid: undefined, genid: undefined });
  const nics = listDevices(doc, 'interface');
  const own = nics.map((nic) => readDeviceElement('interface', nic.element).mac ?? '');
  const taken = new Set([...usedMacs, ...own].map((m) => m.toLowerCase()));
  for (const nic of nics) {
    let next = mac();
    while (taken.has(next.toLowerCase())) next = mac();
    taken.add(next.toLowerCase());
    updateDevice(doc, 'interface', nic.key, { mac: next });
  }
  for (const disk of listDevices(doc, 'disk')) {
    const settings = readDeviceElement('disk', disk.element);
    const change = disks.get(settings.targetDev ?? '');
    if (!change || change.mode === 'share') continue;
    if (change.mode === 'none') removeDevice(doc, disk.key);
    else
      updateDevice(doc, 'disk', disk.key, {
        type: 'file',
        sourceFile: change.path,
        sourceDev: undefined,
        sourcePool: undefined,
        sourceVolume: undefined,
      });
  }
  const os = findChild(documentRoot(doc), 'os');
  const nvram = os ? findChild(os, 'nvram') : undefined;
  if (nvram) {
    nvram.children = [];
    nvram.selfClosing = true;
  }
}
