// The public parse/serialize pairs, one per libvirt object kind. Each checks the root element.
import { documentRoot, type XmlDocument } from './document';
import { XmlParseError, lineColAt } from './errors';
import { parseXml } from './parse';
import { serializeXml } from './serialize';

function parseRooted(xml: string, rootName: string, what: string): XmlDocument {
  const doc = parseXml(xml, what);
  const root = documentRoot(doc);
  if (root.name !== rootName) {
    const at = Math.max(
      0,
      xml.search(new RegExp(`<${root.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s/>]`)),
    );
    const { line, col } = lineColAt(xml, at);
    throw new XmlParseError(
      'WrongRoot',
      `expected <${rootName}> as the root element, found <${root.name}>`,
      line,
      col,
      what,
    );
  }
  return doc;
}

export const parseDomainXml = (xml: string): XmlDocument => parseRooted(xml, 'domain', 'Domain XML');
export const parseNetworkXml = (xml: string): XmlDocument => parseRooted(xml, 'network', 'Network XML');
export const parsePoolXml = (xml: string): XmlDocument => parseRooted(xml, 'pool', 'Storage pool XML');
export const parseVolumeXml = (xml: string): XmlDocument => parseRooted(xml, 'volume', 'Storage volume XML');
export const parseSnapshotXml = (xml: string): XmlDocument =>
  parseRooted(xml, 'domainsnapshot', 'Snapshot XML');

export const serializeDomainXml = (doc: XmlDocument): string => serializeXml(doc);
export const serializeNetworkXml = (doc: XmlDocument): string => serializeXml(doc);
export const serializePoolXml = (doc: XmlDocument): string => serializeXml(doc);
export const serializeVolumeXml = (doc: XmlDocument): string => serializeXml(doc);
export const serializeSnapshotXml = (doc: XmlDocument): string => serializeXml(doc);
