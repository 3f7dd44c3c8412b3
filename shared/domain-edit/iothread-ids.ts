// Which I/O threads a definition or a running guest has: its `<iothreadids>`, and up to
// `<iothreads>` more numbered from 1 (libvirt numbers unlisted threads with the lowest free ids).
import type { XmlDocument } from '../xml/document';
import { readIothreads } from '../xml/views/domain-iothreads';

export function iothreadIds(doc: XmlDocument): number[] {
  const { count, ids } = readIothreads(doc);
  const listed = (ids ?? []).map((t) => t.id).filter((id): id is number => id !== undefined);
  // Threads beyond the listed ones get the lowest unused ids (virDomainIOThreadIDDefArrayInit).
  const out = [...listed];
  for (let id = 1; out.length < (count ?? 0); id++) if (!listed.includes(id)) out.push(id);
  return out;
}

/** The threads to add to and remove from a running guest so that it has `wanted`. */
export function iothreadDelta(running: readonly number[], wanted: readonly number[]) {
  return {
    add: wanted.filter((id) => !running.includes(id)),
    remove: running.filter((id) => !wanted.includes(id)),
  };
}
