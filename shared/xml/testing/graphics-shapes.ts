// Test-only: the <graphics> listen shapes the fixtures hold (libvirt's own test data and the shape
// of issue 17), and what the graphics view reads from a domain's XML.
import { parseDomainXml } from '../objects';
import { serializeNode } from '../serialize';
import { listDevices } from '../views/devices/device-list';
import { readDeviceElement } from '../views/devices/device-views';

export const GRAPHICS_FIXTURES = [
  'graphics-listen-attr-socket-child.xml',
  'libvirt/graphics-listen-back-compat.xml',
  'libvirt/graphics-listen-network2.xml',
  'libvirt/graphics-spice-auto-socket.x86_64-latest.xml',
  'libvirt/graphics-spice-socket.x86_64-latest.xml',
  'libvirt/graphics-spice.x86_64-latest.xml',
  'libvirt/graphics-vnc-none.xml',
  'libvirt/graphics-vnc-socket-attr-listen-address.xml',
  'libvirt/graphics-vnc-socket-attr-listen-socket.xml',
  'csr1kv-1.xml',
];

/** The listens of each <graphics> in a domain's XML, in document order. */
export const listensIn = (xml: string) =>
  listDevices(parseDomainXml(xml), 'graphics').map((d) => readDeviceElement('graphics', d.element).listens);

/** The <graphics> elements of a domain's XML, as they are written. */
export const graphicsXml = (xml: string): string[] =>
  listDevices(parseDomainXml(xml), 'graphics').map((d) => serializeNode(d.element));
