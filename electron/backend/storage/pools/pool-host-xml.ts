// What libvirt answers in XML about storage on a host: `pool-capabilities` and `<sources>`.
import type { PoolCapabilities, PoolSource } from '../../../../shared/api/pools';
import { documentRoot, findChild, findChildren, getAttr, getText, parseXml } from '../../../../shared/xml';

/** `virsh pool-capabilities` → each pool type, whether this host runs it, and its source formats. */
export function parsePoolCapabilities(xml: string): PoolCapabilities {
  const root = documentRoot(parseXml(xml, 'Storage pool capabilities'));
  const types = findChildren(root, 'pool').map((pool) => {
    const options = findChild(pool, 'poolOptions');
    const formats = options ? findChild(options, 'enum', ['name', 'sourceFormatType']) : undefined;
    return {
      type: getAttr(pool, 'type') ?? '',
      supported: getAttr(pool, 'supported') === 'yes',
      sourceFormats: formats ? findChildren(formats, 'value').map((v) => getText(v)) : [],
    };
  });
  return { known: true, types: types.filter((t) => t.type !== '') };
}

/** `virsh find-storage-pool-sources-as` → the sources it found. */
export function parsePoolSources(xml: string): PoolSource[] {
  if (xml.trim() === '') return [];
  const root = documentRoot(parseXml(xml, 'Storage pool sources'));
  return findChildren(root, 'source').map((source) => {
    const found: PoolSource = {
      devices: findChildren(source, 'device')
        .map((d) => getAttr(d, 'path'))
        .filter((p): p is string => p !== undefined),
    };
    const host = findChild(source, 'host');
    const dir = findChild(source, 'dir');
    const name = findChild(source, 'name');
    const format = findChild(source, 'format');
    if (host) found.host = getAttr(host, 'name') ?? '';
    if (dir) found.dir = getAttr(dir, 'path') ?? '';
    if (name) found.name = getText(name);
    if (format) found.format = getAttr(format, 'type') ?? '';
    return found;
  });
}
