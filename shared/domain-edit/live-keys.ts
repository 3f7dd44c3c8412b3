import type { XmlDocument } from '../xml/document';
import { findChild, getAttr, removeChild } from '../xml/node-ops';
import { listDevices } from '../xml/views/devices/device-list';

/**
 * Drops the aliases libvirt gives devices at run time (`video0`, `input1`; user aliases `ua-…` stay),
 * so that a running guest's devices get the same keys as the definition's. Changes `doc`.
 */
export function stripLiveAliases(doc: XmlDocument): XmlDocument {
  for (const { element } of listDevices(doc)) {
    const alias = findChild(element, 'alias');
    if (alias && !getAttr(alias, 'name')?.startsWith('ua-')) removeChild(element, alias);
  }
  return doc;
}
