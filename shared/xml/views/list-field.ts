// Repeated child elements (boot devices, vcpupins, timers, hugepages …) as an array of records.
// Writing updates existing elements in place by position (so unchanged items keep every byte),
// appends new ones in canonical order and removes surplus ones.
import { createElement, type XmlElement } from '../document';
import { findChildren, insertChild, removeChild } from '../node-ops';
import { CHILD_ORDER } from '../order';
import { ensure, parsePath, prune, resolve } from '../view-path';
import { readFields, writeFields, type Field, type FieldSpec, type FieldValues } from './fields';

export interface ListOptions {
  /** The parent means something without items (`<hugepages/>`): removing the items keeps it. */
  keepParent?: boolean;
}

export function list<S extends FieldSpec>(
  parentPath: string,
  childName: string,
  spec: S,
  options: ListOptions = {},
): Field<FieldValues<S>[]> {
  const parentDepth = parsePath(parentPath).length;
  return {
    read(base) {
      const parent = resolve(base, parentPath);
      if (!parent) return undefined;
      const items = findChildren(parent, childName);
      return items.length ? items.map((item) => readFields(item, spec)) : undefined;
    },
    write(base, items, depth) {
      const wanted = items ?? [];
      let parent = resolve(base, parentPath);
      if (!parent && wanted.length === 0) return;
      parent ??= ensure(base, parentPath, depth);
      const existing = findChildren(parent, childName);
      wanted.forEach((item, i) => {
        let node = existing[i];
        if (!node) {
          node = createElement(childName);
          insertChild(parent, node, depth + parentDepth, CHILD_ORDER[parent.name]);
        }
        const full: Record<string, unknown> = {};
        for (const key of Object.keys(spec)) full[key] = (item as Record<string, unknown>)[key];
        writeFields(node, spec, full as FieldValues<S>, depth + parentDepth + 1);
      });
      for (const extra of existing.slice(wanted.length)) removeChild(parent, extra);
      if (parentPath !== '' && !options.keepParent) prune(base, parentPath);
    },
  };
}

/** Element children of `base` at `path` that match `childName`, for views that need the nodes. */
export function listNodes(base: XmlElement, path: string, childName: string): XmlElement[] {
  const parent = resolve(base, path);
  return parent ? findChildren(parent, childName) : [];
}
