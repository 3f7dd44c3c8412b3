/**
 * A minimal, fast reader for the direct children of a document's root element — just enough for
 * the VM list (name, title, memory, vCPUs) from 1,000s of `dumpxml` outputs. Comments, CDATA,
 * processing instructions and nested elements are skipped by depth. Editing and everything else
 * goes through the lossless model in shared/xml.
 */
export interface TopLevelElement {
  attributes: Map<string, string>;
  /** Text content (entities decoded) of an element without child elements. */
  text: string;
}

export function readTopLevelElements(
  xml: string,
  wanted: ReadonlySet<string>,
): {
  root: string;
  elements: Map<string, TopLevelElement>;
} {
  const elements = new Map<string, TopLevelElement>();
  let root = '';
  let depth = 0;
  let at = 0;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) break;
    const next = xml[lt + 1];
    if (next === '!') {
      const end = xml.startsWith('<!--', lt)
        ? xml.indexOf('-->', lt) + 3
        : xml.startsWith('<![CDATA[', lt)
          ? xml.indexOf(']]>', lt) + 3
          : xml.indexOf('>', lt) + 1;
      if (end <= lt) throw new Error('Unterminated markup in XML');
      at = end;
      continue;
    }
    if (next === '?') {
      at = xml.indexOf('?>', lt) + 2;
      if (at < 2) throw new Error('Unterminated processing instruction in XML');
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (next === '/') {
      depth--;
      at = gt + 1;
      continue;
    }
    const selfClosing = xml[gt - 1] === '/';
    const tag = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const name = /^[^\s/>]+/.exec(tag)?.[0] ?? '';
    if (depth === 0) root = name;
    if (depth === 1 && wanted.has(name) && !elements.has(name)) {
      let text = '';
      if (!selfClosing) {
        const close = xml.indexOf('<', gt + 1);
        text = decodeEntities(xml.slice(gt + 1, close < 0 ? xml.length : close));
      }
      elements.set(name, { attributes: parseAttributes(tag.slice(name.length)), text });
    }
    if (!selfClosing) depth++;
    at = gt + 1;
  }
  return { root, elements };
}

function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw new Error('Unterminated tag in XML');
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) attributes.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
  return attributes;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}
