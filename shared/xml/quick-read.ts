/**
 * A minimal, fast reader for a few elements of a document, named by their path below the root
 * (`name`, `target/path`) — just enough for the tables that show 1,000s of objects (the VM list
 * from `dumpxml`, a pool's volumes from `vol-dumpxml`): ~20× faster than the lossless model, which
 * checks well-formedness and keeps everything. Comments, CDATA and processing instructions are
 * skipped; the first element at a path wins. Editing and everything else goes through the lossless
 * model (parse.ts).
 */
export interface QuickElement {
  attributes: Map<string, string>;
  /** Text content (entities decoded) of an element without child elements. */
  text: string;
}

export function readElements(
  xml: string,
  wanted: ReadonlySet<string>,
  /** A child of the root after which nothing wanted comes (libvirt's own order): reading stops there. */
  stopAt?: string,
): {
  root: string;
  rootAttributes: Map<string, string>;
  elements: Map<string, QuickElement>;
} {
  const elements = new Map<string, QuickElement>();
  let root = '';
  let rootAttributes = new Map<string, string>();
  /** Names of the open elements below the root. */
  const path: string[] = [];
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
      if (depth >= 1) path.pop();
      at = gt + 1;
      continue;
    }
    const selfClosing = xml[gt - 1] === '/';
    const tag = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const name = /^[^\s/>]+/.exec(tag)?.[0] ?? '';
    if (depth === 0) {
      root = name;
      rootAttributes = parseAttributes(tag.slice(name.length));
    }
    if (depth === 1 && name === stopAt) break;
    const key = depth === 0 ? '' : path.length === 0 ? name : `${path.join('/')}/${name}`;
    if (depth >= 1 && wanted.has(key) && !elements.has(key)) {
      let text = '';
      if (!selfClosing) {
        const close = xml.indexOf('<', gt + 1);
        text = decodeEntities(xml.slice(gt + 1, close < 0 ? xml.length : close));
      }
      elements.set(key, { attributes: parseAttributes(tag.slice(name.length)), text });
    }
    if (!selfClosing) {
      if (depth >= 1) path.push(name);
      depth++;
    }
    at = gt + 1;
  }
  return { root, rootAttributes, elements };
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
      return Number.isInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}
