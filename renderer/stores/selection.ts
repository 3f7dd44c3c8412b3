import type { DomainKey } from './domain-key';

/** The keys from `anchor` to `target` inclusive, in list order (just `target` without an anchor). */
export function rangeBetween(
  ordered: readonly DomainKey[],
  anchor: DomainKey | null,
  target: DomainKey,
): DomainKey[] {
  const to = ordered.indexOf(target);
  if (to < 0) return [];
  const from = anchor === null ? -1 : ordered.indexOf(anchor);
  if (from < 0) return [target];
  const [start, end] = from <= to ? [from, to] : [to, from];
  return ordered.slice(start, end + 1);
}

export function toggled(selection: ReadonlySet<DomainKey>, key: DomainKey): Set<DomainKey> {
  const next = new Set(selection);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/** Drops keys that are no longer present (VM removed, host gone). */
export function pruned(
  selection: ReadonlySet<DomainKey>,
  exists: (key: DomainKey) => boolean,
): ReadonlySet<DomainKey> {
  for (const key of selection) {
    if (!exists(key)) return new Set([...selection].filter(exists));
  }
  return selection;
}
