// <metadata>: one namespaced element per application (libvirt allows one per namespace URI).
// VirtDesk reads and writes an application's element as XML text, leaving the others untouched.
import { documentRoot, type XmlDocument, type XmlElement } from '../document';
import { elementChildren, getAttr, indentSubtree, insertChild, removeChild, replaceChild } from '../node-ops';
import { parseXml } from '../parse';
import { ensure, prune, resolve } from '../view-path';
import { serializeNode } from '../serialize';
import { reindentElement } from '../reindent';

export interface MetadataEntry {
  /** Namespace URI that identifies the application. */
  namespace: string;
  prefix: string;
  /** The element's XML (re-indented to column 0). */
  xml: string;
}

function namespaceOf(el: XmlElement): { uri?: string; prefix: string } {
  const colon = el.name.indexOf(':');
  const prefix = colon === -1 ? '' : el.name.slice(0, colon);
  const uri = getAttr(el, prefix ? `xmlns:${prefix}` : 'xmlns');
  return { uri, prefix };
}

/** An application's element as XML text at column 0. */
const entryXml = (el: XmlElement): string => serializeNode(reindentElement(el, 0));

export function listMetadata(doc: XmlDocument): MetadataEntry[] {
  const meta = resolve(documentRoot(doc), 'metadata');
  if (!meta) return [];
  return elementChildren(meta).flatMap((child) => {
    const { uri, prefix } = namespaceOf(child);
    return uri ? [{ namespace: uri, prefix, xml: entryXml(child) }] : [];
  });
}

function findEntry(meta: XmlElement | undefined, namespace: string): XmlElement | undefined {
  return meta ? elementChildren(meta).find((c) => namespaceOf(c).uri === namespace) : undefined;
}

export function getMetadata(doc: XmlDocument, namespace: string): string | undefined {
  const child = findEntry(resolve(documentRoot(doc), 'metadata'), namespace);
  return child && entryXml(child);
}

/**
 * Set an application's metadata element from XML text (which must declare `namespace`), or remove
 * it with `undefined`. Other applications' elements are untouched.
 */
export function setMetadata(doc: XmlDocument, namespace: string, xml: string | undefined): void {
  const root = documentRoot(doc);
  const existing = findEntry(resolve(root, 'metadata'), namespace);
  if (xml === undefined) {
    const meta = resolve(root, 'metadata');
    if (meta && existing) removeChild(meta, existing);
    prune(root, 'metadata');
    return;
  }
  // What getMetadata returned, written back: leave the element exactly as it is written.
  if (existing && entryXml(existing) === xml) return;
  const parsed = parseXml(xml, 'Metadata XML').children.find((c): c is XmlElement => c.kind === 'element')!;
  if (namespaceOf(parsed).uri !== namespace) {
    throw new Error(`metadata element <${parsed.name}> must declare the namespace ${namespace}`);
  }
  stripWhitespace(parsed);
  const meta = ensure(root, 'metadata');
  if (existing) {
    indentSubtree(parsed, 2);
    replaceChild(meta, existing, parsed);
  } else {
    insertChild(meta, parsed, 1);
  }
}

/** Drop whitespace-only text so `insertChild` can indent the element for its new place. */
function stripWhitespace(el: XmlElement): void {
  if (el.children.some((c) => c.kind === 'element')) {
    el.children = el.children.filter((c) => !(c.kind === 'text' && c.raw.trim() === ''));
  }
  for (const c of el.children) if (c.kind === 'element') stripWhitespace(c);
}
