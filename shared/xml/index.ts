// Public surface of the XML model. See docs/xml.md.
export {
  parseDomainXml,
  serializeDomainXml,
  parseNetworkXml,
  serializeNetworkXml,
  parsePoolXml,
  serializePoolXml,
  parseVolumeXml,
  serializeVolumeXml,
  parseSnapshotXml,
  serializeSnapshotXml,
} from './objects';
export { parseXml } from './parse';
export { serializeXml, serializeNode } from './serialize';
export { XmlParseError } from './errors';
export * from './document';
export { getAttr, setAttr, getText, setText, findChild, findChildren, elementChildren } from './node-ops';
export { resolve, ensure, removeAt } from './view-path';
export * from './units';
export * from './diff';
export { readFields, writeFields, type Field, type FieldSpec, type FieldValues } from './views/fields';
export * from './views/domain-general';
export * from './views/domain-metadata';
export * from './views/domain-memory';
export * from './views/domain-cpu';
export * from './views/domain-os';
export * from './views/domain-tuning';
export * from './views/domain-features';
export * from './views/domain-iothreads';
export * from './views/devices/device-list';
export * from './views/devices/device-views';
export type { DiskSettings } from './views/devices/disk';
export type { InterfaceSettings } from './views/devices/interface';
export { randomMac } from './views/devices/interface';
export type { GraphicsListen, GraphicsSettings, ListenType } from './views/devices/graphics';
export type { ControllerSettings, CharDeviceSettings, HostdevSettings } from './views/devices/other-devices';
export * from './build/new-domain';
export * from './views/volume';
export * from './build/new-volume';
