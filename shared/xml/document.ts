// The lossless document model. Every node keeps its source text raw (entities unexpanded) so that
// serialising an untouched node reproduces it exactly; views decode on read and encode on write.

export type Quote = "'" | '"';

export interface XmlAttr {
  name: string;
  /** Raw attribute text as written in the source, entities NOT expanded. */
  raw: string;
  quote: Quote;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  attrs: XmlAttr[];
  children: XmlNode[];
  /** `<x/>` rather than `<x></x>` when there are no children. */
  selfClosing: boolean;
}

export interface XmlText {
  kind: 'text';
  /** Raw text, entities NOT expanded. */
  raw: string;
}

export interface XmlComment {
  kind: 'comment';
  /** The text between `<!--` and `-->`. */
  raw: string;
}

export interface XmlCData {
  kind: 'cdata';
  /** The text between `<![CDATA[` and `]]>`. */
  raw: string;
}

/** `<?xml …?>` declarations and other processing instructions, kept verbatim. */
export interface XmlInstruction {
  kind: 'pi';
  raw: string;
}

export type XmlNode = XmlElement | XmlText | XmlComment | XmlCData | XmlInstruction;

/** The libvirt object kinds VirtDesk reads and writes, named after their root element. */
export type XmlObjectKind = 'domain' | 'network' | 'pool' | 'volume' | 'domainsnapshot';

export interface XmlDocument {
  kind: 'document';
  /** Top-level nodes: declaration, comments, whitespace and exactly one element (the root). */
  children: XmlNode[];
}

export function documentRoot(doc: XmlDocument): XmlElement {
  for (const node of doc.children) if (node.kind === 'element') return node;
  throw new Error('XML document has no root element');
}

export function createElement(name: string, attrs: Record<string, string> = {}): XmlElement {
  const el: XmlElement = { kind: 'element', name, attrs: [], children: [], selfClosing: true };
  for (const [key, value] of Object.entries(attrs)) {
    el.attrs.push({ name: key, raw: encodeXml(value), quote: "'" });
  }
  return el;
}

export function createDocument(root: XmlElement): XmlDocument {
  return { kind: 'document', children: [root, { kind: 'text', raw: '\n' }] };
}

/** Deep copy of a node (documents are plain data, so structuredClone would do; this is faster). */
export function cloneNode<T extends XmlNode>(node: T): T {
  if (node.kind !== 'element') return { ...node };
  return {
    ...node,
    attrs: node.attrs.map((a) => ({ ...a })),
    children: node.children.map((c) => cloneNode(c)),
  } as T;
}

export function cloneDocument(doc: XmlDocument): XmlDocument {
  return { kind: 'document', children: doc.children.map((c) => cloneNode(c)) };
}

const ENTITY_RE = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Expand the five XML entities and numeric character references. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY_RE, (_m, ent: string) => {
    if (ent[0] !== '#') return NAMED[ent] ?? _m;
    const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
    // The parser refuses such a reference; text that reaches here another way keeps it as written.
    return code >= 1 && code <= 0x10ffff ? String.fromCodePoint(code) : _m;
  });
}

const ESCAPE_RE = /[&<>"']/g;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escape text or an attribute value the way libvirt does (all five special characters). */
export function encodeXml(value: string): string {
  return value.replace(ESCAPE_RE, (c) => ESCAPES[c] ?? c);
}
