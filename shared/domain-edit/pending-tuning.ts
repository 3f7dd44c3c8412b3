// Tuning fields whose running value differs from the definition (the pending marker's tuning half).
// Values libvirt fills in only at run time (a resource partition, a default, …) are not differences.
import type { XmlDocument } from '../xml/document';
import { readCputune } from '../xml/views/domain-cpu';
import { readClock, readFeatures } from '../xml/views/domain-features';
import { readIothreads } from '../xml/views/domain-iothreads';
import { readMemoryBacking, readMemtune } from '../xml/views/domain-memory';
import { readBlkiotune, readLifecycle, readNumatune } from '../xml/views/domain-tuning';

const READERS: Record<string, (doc: XmlDocument) => object> = {
  cputune: readCputune,
  iothreads: readIothreads,
  memoryBacking: readMemoryBacking,
  memtune: readMemtune,
  numatune: readNumatune,
  blkiotune: readBlkiotune,
  lifecycle: readLifecycle,
  features: readFeatures,
  clock: readClock,
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function pendingTuning(inactive: XmlDocument, live: XmlDocument): string[] {
  const out: string[] = [];
  for (const [view, read] of Object.entries(READERS)) {
    let a: Record<string, unknown>;
    let b: Record<string, unknown>;
    try {
      a = read(inactive) as Record<string, unknown>;
      b = read(live) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      // Something only the running guest has: a default libvirt filled in.
      if (a[key] === undefined) continue;
      if (!same(a[key], b[key])) out.push(`${view}.${key}`);
    }
  }
  return out;
}
