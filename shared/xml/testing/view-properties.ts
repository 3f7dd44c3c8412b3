// Test-only: the lossless-edit properties every typed view must have, checked on any domain XML
// (the fixtures in unit tests, what the test host's libvirt writes in integration tests):
//  - writing back what a view read changes nothing, byte for byte;
//  - a one-field edit reads back, leaves every other field of every view as it was, and changes
//    nodes on one path of the tree only (the field's node, plus ancestors that mirror it, like
//    <graphics listen=…> mirrors its first <listen>).
import { cloneNode, documentRoot, type XmlDocument, type XmlElement } from '../document';
import { parseDomainXml, serializeDomainXml } from '../objects';
import { domainViews, signature, type Values, type ViewUnderTest } from './views-under-test';

/** Views whose `write(read())` changes the serialized document (with the first changed line). */
export function noOpWriteChanges(xml: string): string[] {
  const problems: string[] = [];
  const original = parseDomainXml(xml);
  for (const view of domainViews(original)) {
    const doc = copyOf(original);
    view.write(doc, view.read(doc));
    const out = serializeDomainXml(doc);
    if (out !== xml) problems.push(`${view.name}: ${firstDifference(xml, out)}`);
  }
  return problems;
}

function firstDifference(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  return `line ${i + 1}: ${a[i]?.trim()} → ${b[i]?.trim()}`;
}

/**
 * Every one-field edit (each field with a value: other values of its kind, and removal) on a fresh
 * copy of `xml`; returns what went wrong, one line per problem.
 */
export function oneFieldEditProblems(xml: string): string[] {
  const original = parseDomainXml(xml);
  const views = domainViews(original);
  const before = views.map((v) => v.read(original));
  const signatures = before.map(signature);
  const problems: string[] = [];
  views.forEach((view, i) => {
    for (const [key, value] of Object.entries(before[i]!)) {
      for (const next of [...view.edits(key, value), undefined]) {
        const doc = copyOf(original);
        view.write(doc, { [key]: next });
        const edit = { view: i, key, next, paths: changedPaths(documentRoot(original), documentRoot(doc)) };
        const found = [...valueProblems(views, before, signatures, doc, edit), ...pathProblems(edit.paths)];
        problems.push(...found.map((p) => `${view.name}.${key} = ${JSON.stringify(next)}: ${p}`));
      }
    }
  });
  return problems;
}

interface Edit {
  view: number;
  key: string;
  next: unknown;
  /** What the edit changed, from `changedPaths`. */
  paths: string[];
}

/** The edited value reads back; every other value of every view reads as before. */
function valueProblems(
  views: ViewUnderTest[],
  before: Values[],
  signatures: string[],
  doc: XmlDocument,
  edit: Edit,
): string[] {
  const problems: string[] = [];
  const readBack = views[edit.view]!.read(doc)[edit.key];
  if (edit.next !== undefined && !views[edit.view]!.same(readBack, edit.next)) {
    problems.push(`reads back ${JSON.stringify(readBack)}`);
  }
  views.forEach((view, j) => {
    if (!edit.paths.some((path) => view.sees(path))) return;
    const now = view.read(doc);
    if (signature(now) === signatures[j]) return;
    for (const k of new Set([...Object.keys(before[j]!), ...Object.keys(now)])) {
      if (view.same(before[j]![k], now[k]) || (j === edit.view && mayFollow(edit, k, now[k]))) continue;
      problems.push(`also changed ${view.name}.${k} to ${JSON.stringify(now[k])}`);
    }
  });
  return problems;
}

/**
 * What an edit may take along in its own view: after a removal, or switching off a container flag
 * (`hyperv`, `hugepages`), the settings inside the removed element; after a change of `type`, what
 * libvirt reads differently for the new type (a host device's source address, VNC's `socket`).
 */
const mayFollow = (edit: Edit, key: string, now: unknown): boolean =>
  key === edit.key ||
  edit.key === 'type' ||
  ((edit.next === undefined || edit.next === false) && now === undefined);

/** The changed nodes lie on one path from the root (the field's node and ancestors mirroring it). */
function pathProblems(paths: string[]): string[] {
  const deepest = [...paths].sort((x, y) => y.length - x.length)[0];
  const onOnePath = paths.every((p) => deepest === p || deepest!.startsWith(`${p}/`));
  return onOnePath ? [] : [`changed nodes off one path: ${paths.join(', ')}`];
}

const copyOf = (doc: XmlDocument): XmlDocument => ({
  ...doc,
  children: doc.children.map((c) => cloneNode(c)),
});

/** Elements whose own attributes or child list differ, as `a/b[2]/c` paths of element names. */
export function changedPaths(a: XmlElement, b: XmlElement, at = a.name): string[] {
  const sameAttrs =
    a.attrs.length === b.attrs.length &&
    a.attrs.every((x, n) => {
      const y = b.attrs[n]!;
      return x.name === y.name && x.raw === y.raw && x.quote === y.quote;
    });
  const aligned =
    a.children.length === b.children.length &&
    a.children.every((c, n) => {
      const d = b.children[n]!;
      if (c.kind === 'element') return d.kind === 'element' && c.name === d.name;
      return d.kind === c.kind && d.raw === c.raw;
    });
  const own = !aligned || !sameAttrs || a.selfClosing !== b.selfClosing ? [at] : [];
  if (!aligned) return own;
  const inner = a.children.flatMap((c, n) =>
    c.kind === 'element' ? changedPaths(c, b.children[n] as XmlElement, `${at}/${c.name}[${n}]`) : [],
  );
  return [...own, ...inner];
}
