// Move a serialised subtree to another indentation level, touching only whitespace-only text.
import { cloneNode, type XmlElement, type XmlNode } from './document';
import { parseXml } from './parse';
import { serializeNode } from './serialize';

/** The indentation (spaces after the last newline) of the whitespace before `el`'s closing tag. */
function closingIndent(el: XmlElement): number | undefined {
  const last = el.children[el.children.length - 1];
  if (!last || last.kind !== 'text' || last.raw.trim() !== '' || !last.raw.includes('\n')) return undefined;
  return last.raw.length - last.raw.lastIndexOf('\n') - 1;
}

function shiftWhitespace(node: XmlNode, delta: number): void {
  if (node.kind !== 'element') return;
  for (const c of node.children) {
    if (c.kind === 'text' && c.raw.trim() === '' && c.raw.includes('\n')) {
      const nl = c.raw.lastIndexOf('\n');
      const spaces = c.raw.length - nl - 1;
      c.raw = c.raw.slice(0, nl + 1) + ' '.repeat(Math.max(0, spaces + delta));
    } else {
      shiftWhitespace(c, delta);
    }
  }
}

/** A copy of `el` whose own indentation becomes `column` (the copy starts with no leading space). */
export function reindentElement(el: XmlElement, column: number): XmlElement {
  const copy = cloneNode(el);
  const current = closingIndent(copy);
  if (current !== undefined && current !== column) shiftWhitespace(copy, column - current);
  return copy;
}

/** Re-indent the XML text of one element to `column`. */
export function reindent(xml: string, column: number): string {
  const root = parseXml(xml).children.find((c): c is XmlElement => c.kind === 'element');
  return root ? serializeNode(reindentElement(root, column)) : xml;
}
