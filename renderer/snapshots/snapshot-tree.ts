import type { SnapshotView } from '../../shared/api/snapshots';

/** One line of the snapshot tree, in display order (depth first, siblings oldest first). */
export interface SnapshotRow {
  snapshot: SnapshotView;
  /** 1 for a root (aria-level). */
  level: number;
  /** 1-based position among its siblings, and their number (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
  /** Every snapshot below it (children, grandchildren, …). */
  descendants: number;
}

/** The tree from each snapshot's parent; a snapshot whose parent is unknown counts as a root. */
export function snapshotTreeRows(snapshots: readonly SnapshotView[]): SnapshotRow[] {
  const names = new Set(snapshots.map((s) => s.name));
  const children = new Map<string | undefined, SnapshotView[]>();
  for (const s of snapshots) {
    const parent = s.parent !== undefined && names.has(s.parent) ? s.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  for (const list of children.values())
    list.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  const rows: SnapshotRow[] = [];
  const visit = (parent: string | undefined, level: number, seen: Set<string>): number => {
    const list = children.get(parent) ?? [];
    let count = 0;
    list.forEach((snapshot, i) => {
      if (seen.has(snapshot.name)) return;
      seen.add(snapshot.name);
      const row: SnapshotRow = { snapshot, level, position: i + 1, siblings: list.length, descendants: 0 };
      rows.push(row);
      row.descendants = visit(snapshot.name, level + 1, seen);
      count += 1 + row.descendants;
    });
    return count;
  };
  const seen = new Set<string>();
  visit(undefined, 1, seen);
  // Broken metadata (a cycle) has no root: its snapshots are still listed, each at the top level.
  for (const snapshot of snapshots)
    if (!seen.has(snapshot.name)) {
      seen.add(snapshot.name);
      rows.push({ snapshot, level: 1, position: 1, siblings: 1, descendants: 0 });
    }
  return rows;
}

/** A default name from the time, like virt-manager's (`snapshot-20261130-0849`), free among `taken`. */
export function defaultSnapshotName(now: Date, taken: ReadonlySet<string>): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const base =
    `snapshot-${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}` +
    `-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
