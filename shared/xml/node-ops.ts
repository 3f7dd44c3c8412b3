// Small, careful mutations of the document. Everything a view changes goes through these, so the
// rules live in one place: values are encoded/decoded here, new nodes are indented like their
// siblings and placed in libvirt's canonical order, and removals take their indentation with them.
import { createElement, decodeXml, encodeXml, type XmlElement, type XmlNode, type XmlText } from './document';

export const INDENT_UNIT = '  ';

export function elementChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.kind === 'element') out.push(c);
  return out;
}

export function findChild(el: XmlElement, name: string, attr?: [string, string]): XmlElement | undefined {
  for (const c of el.children) {
    if (c.kind === 'element' && c.name === name && (!attr || getAttr(c, attr[0]) === attr[1])) return c;
  }
  return undefined;
}

export function findChildren(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.kind === 'element' && c.name === name) out.push(c);
  return out;
}

export function getAttr(el: XmlElement, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return decodeXml(a.raw);
  return undefined;
}

/** Set (or with `undefined`, remove) an attribute. An unchanged value keeps its raw spelling. */
export function setAttr(el: XmlElement, name: string, value: string | undefined): void {
  const i = el.attrs.findIndex((a) => a.name === name);
  if (value === undefined) {
    if (i !== -1) el.attrs.splice(i, 1);
    return;
  }
  if (i !== -1) {
    const attr = el.attrs[i]!;
    if (decodeXml(attr.raw) !== value) attr.raw = encodeXml(value);
    return;
  }
  el.attrs.push({ name, raw: encodeXml(value), quote: el.attrs[0]?.quote ?? "'" });
}

/** The decoded character data directly inside `el` (text and CDATA). */
export function getText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (c.kind === 'text') s += decodeXml(c.raw);
    else if (c.kind === 'cdata') s += c.raw;
  }
  return s;
}

export function setText(el: XmlElement, value: string): void {
  if (getText(el) === value && el.children.every((c) => c.kind !== 'element')) return;
  el.children = el.children.filter((c) => c.kind !== 'text' && c.kind !== 'cdata');
  if (value !== '') el.children.unshift({ kind: 'text', raw: encodeXml(value) });
}

function isBlank(node: XmlNode | undefined): node is XmlText {
  return node !== undefined && node.kind === 'text' && node.raw.trim() === '';
}

/** True when an element carries nothing: no attributes (besides `ignoreAttrs`), no content. */
export function isEmptyElement(el: XmlElement, ignoreAttrs: readonly string[] = []): boolean {
  if (el.attrs.some((a) => !ignoreAttrs.includes(a.name))) return false;
  return el.children.every((c) => isBlank(c));
}

function ws(raw: string): XmlText {
  return { kind: 'text', raw };
}

/** Give a freshly built subtree (no whitespace of its own yet) the indentation of `depth`. */
export function indentSubtree(el: XmlElement, depth: number): void {
  const kids = el.children;
  if (!kids.some((c) => c.kind === 'element') || kids.some((c) => c.kind === 'text')) return;
  const inner = '\n' + INDENT_UNIT.repeat(depth + 1);
  const next: XmlNode[] = [];
  for (const c of kids) {
    next.push(ws(inner), c);
    if (c.kind === 'element') indentSubtree(c, depth + 1);
  }
  next.push(ws('\n' + INDENT_UNIT.repeat(depth)));
  el.children = next;
}

/**
 * Insert `child` into `parent` (which sits at `depth`, the root being 0). With `order` (libvirt's
 * canonical child order for this parent) the child lands after the last sibling that sorts before
 * or with it; without, or if its name is unknown, it is appended.
 */
export function insertChild(
  parent: XmlElement,
  child: XmlElement,
  depth: number,
  order?: readonly string[],
): void {
  indentSubtree(child, depth + 1);
  const kids = parent.children;
  const rank = order ? order.indexOf(child.name) : -1;
  let afterIdx = -1;
  let beforeIdx = -1;
  let lastElIdx = -1;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    if (k.kind !== 'element') continue;
    lastElIdx = i;
    if (rank === -1 || !order) continue;
    const r = order.indexOf(k.name);
    if (r === -1) continue;
    if (r <= rank) afterIdx = i;
    else if (beforeIdx === -1) beforeIdx = i;
  }
  if (rank === -1 || (afterIdx === -1 && beforeIdx === -1)) afterIdx = lastElIdx;
  const indent = '\n' + INDENT_UNIT.repeat(depth + 1);
  if (lastElIdx === -1) {
    // No element children yet: the parent gets its own closing indentation.
    const text = kids.filter((k) => !isBlank(k));
    parent.children = [...text, ws(indent), child, ws('\n' + INDENT_UNIT.repeat(depth))];
    parent.selfClosing = false;
    return;
  }
  const compact = !kids.some((k) => isBlank(k));
  if (afterIdx !== -1) {
    const before = kids[afterIdx - 1];
    const sep = compact ? [] : [ws(isBlank(before) ? before.raw : indent)];
    kids.splice(afterIdx + 1, 0, ...sep, child);
  } else {
    const before = kids[beforeIdx - 1];
    const sep = compact ? [] : [ws(isBlank(before) ? before.raw : indent)];
    kids.splice(beforeIdx, 0, child, ...sep);
  }
}

/** Remove `child` from `parent`, with the indentation in front of it. */
export function removeChild(parent: XmlElement, child: XmlElement): void {
  const kids = parent.children;
  const i = kids.indexOf(child);
  if (i === -1) return;
  if (i > 0 && isBlank(kids[i - 1])) kids.splice(i - 1, 2);
  else kids.splice(i, 1);
  if (kids.every((k) => isBlank(k))) {
    parent.children = [];
    parent.selfClosing = true;
  }
}

/** Replace `oldChild` by `newChild` in place. */
export function replaceChild(parent: XmlElement, oldChild: XmlElement, newChild: XmlElement): void {
  const i = parent.children.indexOf(oldChild);
  if (i !== -1) parent.children[i] = newChild;
}

/** Build a detached element with attributes (undefined values skipped) and element children. */
export function el(
  name: string,
  attrs: Record<string, string | number | undefined> = {},
  ...kids: XmlElement[]
): XmlElement {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) clean[k] = String(v);
  const out = createElement(name, clean);
  if (kids.length) {
    out.children = kids;
    out.selfClosing = false;
  }
  return out;
}

/** Like `el`, with text content. */
export function textEl(
  name: string,
  text: string | number,
  attrs: Record<string, string | number | undefined> = {},
): XmlElement {
  const out = el(name, attrs);
  setText(out, String(text));
  out.selfClosing = false;
  return out;
}
