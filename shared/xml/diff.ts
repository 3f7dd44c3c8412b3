// A readable line diff of two versions of an XML document, for "what will change" previews.
// Myers' O(ND) algorithm on the middle part after trimming the common prefix and suffix.
import type { XmlDocument } from './document';
import { serializeXml } from './serialize';

export interface DiffLine {
  op: ' ' | '+' | '-';
  text: string;
}

function myers(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[k - 1 + off]! < v[k + 1 + off]!) ? v[k + 1 + off]! : v[k - 1 + off]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + off] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const out: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[k - 1 + off]! < vd[k + 1 + off]!) ? k + 1 : k - 1;
    const prevX = vd[prevK + off]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      out.push({ op: ' ', text: a[x]! });
    }
    if (d > 0) {
      if (x === prevX) out.push({ op: '+', text: b[--y]! });
      else out.push({ op: '-', text: a[--x]! });
    }
  }
  return out.reverse();
}

/** Line-by-line differences between two texts. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (lines: string[]): DiffLine[] => lines.map((text) => ({ op: ' ', text }));
  return [
    ...same(a.slice(0, start)),
    ...myers(a.slice(start, endA), b.slice(start, endB)),
    ...same(a.slice(endA)),
  ];
}

const text = (x: string | XmlDocument): string => (typeof x === 'string' ? x : serializeXml(x));

/** Differences between two versions of a document (or its XML text). */
export function diffXml(before: string | XmlDocument, after: string | XmlDocument): DiffLine[] {
  return diffLines(text(before), text(after));
}

/** Only the added and removed lines. */
export function changedLines(diff: DiffLine[]): DiffLine[] {
  return diff.filter((l) => l.op !== ' ');
}

/** Unified-diff style text with `context` unchanged lines around each change; '' when equal. */
export function formatDiff(diff: DiffLine[], context = 3): string {
  const keep = new Array<boolean>(diff.length).fill(false);
  diff.forEach((l, i) => {
    if (l.op === ' ') return;
    for (let j = Math.max(0, i - context); j <= Math.min(diff.length - 1, i + context); j++) keep[j] = true;
  });
  const out: string[] = [];
  let oldLine = 1;
  let newLine = 1;
  let inHunk = false;
  diff.forEach((l, i) => {
    if (keep[i] && !inHunk) {
      out.push(`@@ line ${oldLine} → ${newLine} @@`);
      inHunk = true;
    } else if (!keep[i]) inHunk = false;
    if (keep[i]) out.push(`${l.op}${l.text}`);
    if (l.op !== '+') oldLine++;
    if (l.op !== '-') newLine++;
  });
  return out.join('\n');
}
