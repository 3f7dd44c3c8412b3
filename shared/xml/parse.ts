// XML text → lossless document, on fast-xml-parser's ordered mode. fast-xml-parser does the
// tokenising (and its validator the well-formedness check with line/column); we add what it does
// not keep: attribute quote style, `<x/>` vs `<x></x>`, processing-instruction text, and the
// checks it skips (a single root element, only defined entities).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Quote, XmlAttr, XmlDocument, XmlElement, XmlNode } from './document';
import { XmlParseError, lineColAt } from './errors';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  ignoreDeclaration: false,
  ignorePiTags: false,
  captureMetaData: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

interface Meta {
  startIndex?: number;
  endIndex?: number;
}
type OrderedItem = Record<string, unknown>;
const metaOf = (item: OrderedItem | undefined): Meta | undefined =>
  item ? ((item as Record<symbol, unknown>)[META] as Meta | undefined) : undefined;

function fail(source: string, index: number, code: string, detail: string, what: string): never {
  const { line, col } = lineColAt(source, index);
  throw new XmlParseError(code, detail, line, col, what);
}

const BAD_AMP = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/g;

const CHAR_REF = /&#(x[0-9a-fA-F]+|[0-9]+);/g;

/** `&` that starts no valid reference, outside comments, CDATA and processing instructions. */
function checkEntities(source: string, what: string): void {
  CHAR_REF.lastIndex = 0;
  for (let m = CHAR_REF.exec(source); m; m = CHAR_REF.exec(source)) {
    const ref = m[1]!;
    const code = ref[0] === 'x' ? parseInt(ref.slice(1), 16) : parseInt(ref, 10);
    if (code >= 1 && code <= 0x10ffff) continue;
    if (insideSection(source, m.index, '<!--', '-->') || insideSection(source, m.index, '<![CDATA[', ']]>'))
      continue;
    fail(source, m.index, 'InvalidCharRef', `'${m[0]}' is not a character`, what);
  }
  BAD_AMP.lastIndex = 0;
  for (let m = BAD_AMP.exec(source); m; m = BAD_AMP.exec(source)) {
    const at = m.index;
    if (insideSection(source, at, '<!--', '-->') || insideSection(source, at, '<![CDATA[', ']]>')) continue;
    if (insideSection(source, at, '<?', '?>')) continue;
    const name = /^&([A-Za-z_][\w.-]*);/.exec(source.slice(at, at + 64));
    const detail = name ? `undefined entity '&${name[1]};'` : "'&' must be written as '&amp;'";
    fail(source, at, 'InvalidEntity', detail, what);
  }
}

function insideSection(source: string, at: number, open: string, close: string): boolean {
  const start = source.lastIndexOf(open, at);
  if (start === -1) return false;
  const end = source.indexOf(close, start + open.length);
  return end === -1 || end > at;
}

/** Read the quote characters of a start tag's attributes and whether the tag is self-closed. */
function scanStartTag(
  source: string,
  start: number,
  name: string,
): { quotes: Quote[]; selfClosing: boolean } {
  const quotes: Quote[] = [];
  let i = start + 1 + name.length;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 62 /* > */) return { quotes, selfClosing: false };
    if (c === 47 /* / */) return { quotes, selfClosing: true };
    if (c === 34 || c === 39) {
      const q = source[i] as Quote;
      quotes.push(q);
      const close = source.indexOf(q, i + 1);
      if (close === -1) break;
      i = close + 1;
      continue;
    }
    i++;
  }
  return { quotes, selfClosing: false };
}

function convertChildren(items: OrderedItem[], source: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of items) {
    let key = '';
    for (const k in item) {
      if (k !== ':@') {
        key = k;
        break;
      }
    }
    const value = item[key];
    if (key === '#text') {
      out.push({ kind: 'text', raw: String(value) });
    } else if (key === '#comment' || key === '#cdata') {
      const inner = (value as OrderedItem[])[0];
      const raw = inner ? String(inner['#text'] ?? '') : '';
      out.push({ kind: key === '#comment' ? 'comment' : 'cdata', raw });
    } else if (key.startsWith('?')) {
      const meta = metaOf(item);
      const raw =
        meta?.startIndex !== undefined && meta.endIndex !== undefined
          ? source.slice(meta.startIndex, meta.endIndex)
          : `<${key}?>`;
      out.push({ kind: 'pi', raw });
    } else {
      out.push(convertElement(key, item, source));
    }
  }
  return out;
}

function convertElement(name: string, item: OrderedItem, source: string): XmlElement {
  const children = convertChildren(item[name] as OrderedItem[], source);
  const attrMap = item[':@'] as Record<string, string> | undefined;
  const start = metaOf(item)?.startIndex;
  const tag =
    start !== undefined && source.charCodeAt(start) === 60
      ? scanStartTag(source, start, name)
      : { quotes: [], selfClosing: children.length === 0 };
  const attrs: XmlAttr[] = [];
  if (attrMap) {
    let i = 0;
    for (const attrName in attrMap) {
      attrs.push({ name: attrName, raw: String(attrMap[attrName]), quote: tag.quotes[i] ?? "'" });
      i++;
    }
  }
  return { kind: 'element', name, attrs, children, selfClosing: tag.selfClosing };
}

const MISC_RE = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|[^<]+/g;

/** Prolog/epilog nodes (declaration, DOCTYPE, comments, whitespace) read straight from the source. */
function miscNodes(text: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const m of text.match(MISC_RE) ?? []) {
    if (m.startsWith('<!--')) out.push({ kind: 'comment', raw: m.slice(4, -3) });
    else if (m.startsWith('<')) out.push({ kind: 'pi', raw: m });
    else out.push({ kind: 'text', raw: m });
  }
  return out;
}

/**
 * fast-xml-parser drops whitespace (and DOCTYPE) outside the root element; rebuild the top level
 * from the source around the root so that those survive too.
 */
function withTopLevelText(converted: XmlNode[], items: OrderedItem[], source: string): XmlNode[] {
  const rootIdx = converted.findIndex((n) => n.kind === 'element');
  const meta = metaOf(items[rootIdx]);
  const root = converted[rootIdx];
  if (!root || meta?.startIndex === undefined || meta.endIndex === undefined) return converted;
  if (converted.filter((n) => n.kind === 'element').length > 1) return converted;
  return [...miscNodes(source.slice(0, meta.startIndex)), root, ...miscNodes(source.slice(meta.endIndex))];
}

/**
 * Parse any well-formed XML document. `what` names the document in error messages.
 * Throws XmlParseError (with line and column) and never returns a partial document.
 */
export function parseXml(source: string, what = 'XML'): XmlDocument {
  const verdict = XMLValidator.validate(source, { allowBooleanAttributes: false });
  if (verdict !== true) {
    const { code, msg, line, col } = verdict.err;
    throw new XmlParseError(code, msg, line, col, what);
  }
  checkEntities(source, what);
  let items: OrderedItem[];
  try {
    items = parser.parse(source) as OrderedItem[];
  } catch (err) {
    fail(source, 0, 'ParserError', err instanceof Error ? err.message : String(err), what);
  }
  const children = withTopLevelText(convertChildren(items, source), items, source);
  let roots = 0;
  for (const [i, node] of children.entries()) {
    if (node.kind === 'element') {
      roots++;
      if (roots > 1) {
        const meta = metaOf(items[i]);
        fail(source, meta?.startIndex ?? 0, 'InvalidXml', `a second root element <${node.name}>`, what);
      }
    } else if ((node.kind === 'text' && node.raw.trim() !== '') || node.kind === 'cdata') {
      fail(source, 0, 'InvalidXml', 'text outside the root element', what);
    }
  }
  if (roots === 0) fail(source, 0, 'InvalidXml', 'no root element', what);
  return { kind: 'document', children };
}
