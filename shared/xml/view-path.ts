// Tiny path language for views: `os/type`, `features/hyperv/relaxed`, `clock/timer[name=rtc]`.
// Segments are child element names, optionally with one `[attr=value]` predicate. The empty path
// is the base element itself.
import { createElement, type XmlElement } from './document';
import { findChild, insertChild, isEmptyElement, removeChild } from './node-ops';
import { CHILD_ORDER } from './order';

export interface PathStep {
  name: string;
  attr?: [string, string];
}

const cache = new Map<string, PathStep[]>();

export function parsePath(path: string): PathStep[] {
  let steps = cache.get(path);
  if (steps) return steps;
  steps = [];
  for (const seg of path.split('/')) {
    if (seg === '') continue;
    const m = /^([^[\]]+)(?:\[([^=\]]+)=([^\]]*)\])?$/.exec(seg);
    if (!m) throw new Error(`bad view path segment '${seg}' in '${path}'`);
    steps.push(m[2] !== undefined ? { name: m[1]!, attr: [m[2], m[3]!] } : { name: m[1]! });
  }
  cache.set(path, steps);
  return steps;
}

/** The element at `path` below `base`, or undefined if any step is missing. */
export function resolve(base: XmlElement, path: string): XmlElement | undefined {
  let cur: XmlElement | undefined = base;
  for (const step of parsePath(path)) {
    cur = findChild(cur, step.name, step.attr);
    if (!cur) return undefined;
  }
  return cur;
}

/**
 * The element at `path`, creating missing steps in canonical order. `depth` is the depth of
 * `base` in its document (root = 0), used to indent new nodes.
 */
export function ensure(base: XmlElement, path: string, depth = 0): XmlElement {
  let cur = base;
  let d = depth;
  for (const step of parsePath(path)) {
    let next = findChild(cur, step.name, step.attr);
    if (!next) {
      next = createElement(step.name, step.attr ? { [step.attr[0]]: step.attr[1] } : {});
      insertChild(cur, next, d, CHILD_ORDER[cur.name]);
    }
    cur = next;
    d++;
  }
  return cur;
}

/** Remove elements along `path` (deepest first, never `base`) that were left with nothing in them. */
export function prune(base: XmlElement, path: string): void {
  const steps = parsePath(path);
  const chain: XmlElement[] = [base];
  for (const step of steps) {
    const next = findChild(chain[chain.length - 1]!, step.name, step.attr);
    if (!next) break;
    chain.push(next);
  }
  for (let i = chain.length - 1; i > 0; i--) {
    const node = chain[i]!;
    const step = steps[i - 1]!;
    if (!isEmptyElement(node, step.attr ? [step.attr[0]] : [])) return;
    removeChild(chain[i - 1]!, node);
  }
}

/** Remove the element at `path` (and then any ancestors on the path left empty). */
export function removeAt(base: XmlElement, path: string): void {
  const steps = parsePath(path);
  if (steps.length === 0) return;
  const parentPath = steps
    .slice(0, -1)
    .map((s) => (s.attr ? `${s.name}[${s.attr[0]}=${s.attr[1]}]` : s.name))
    .join('/');
  const parent = resolve(base, parentPath);
  const last = steps[steps.length - 1]!;
  const target = parent && findChild(parent, last.name, last.attr);
  if (!parent || !target) return;
  removeChild(parent, target);
  prune(base, parentPath);
}
