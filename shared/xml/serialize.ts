// Document → XML text. Untouched nodes come out exactly as they went in: raw text and attribute
// values, quote characters, empty vs self-closed elements, comments, CDATA and declarations.
import type { XmlDocument, XmlElement, XmlNode } from './document';

function attrsText(el: XmlElement): string {
  let s = '';
  for (const a of el.attrs) {
    // A value whose raw text contains its own quote (only possible after an edit) switches quotes.
    const q = a.raw.includes(a.quote) ? (a.quote === "'" ? '"' : "'") : a.quote;
    s += ` ${a.name}=${q}${a.raw}${q}`;
  }
  return s;
}

export function serializeNode(node: XmlNode): string {
  switch (node.kind) {
    case 'text':
      return node.raw;
    case 'comment':
      return `<!--${node.raw}-->`;
    case 'cdata':
      return `<![CDATA[${node.raw}]]>`;
    case 'pi':
      return node.raw;
    case 'element': {
      const open = `<${node.name}${attrsText(node)}`;
      if (node.children.length === 0) return node.selfClosing ? `${open}/>` : `${open}></${node.name}>`;
      let s = `${open}>`;
      for (const child of node.children) s += serializeNode(child);
      return `${s}</${node.name}>`;
    }
  }
}

export function serializeXml(doc: XmlDocument): string {
  let s = '';
  for (const node of doc.children) s += serializeNode(node);
  return s;
}
