/** What `virsh pool-event --event lifecycle|refresh --loop` prints, per line (libvirt's tools/virsh-pool.c). */
export interface PoolEvent {
  kind: 'lifecycle' | 'refresh';
  pool: string;
  /** lifecycle only: Defined, Undefined, Started, Stopped, Created, Deleted. */
  detail?: string;
}

const LIFECYCLE =
  /^event 'lifecycle' for storage pool (.+): (Defined|Undefined|Started|Stopped|Created|Deleted|unknown)$/;
const REFRESH = /^event 'refresh' for storage pool (.+)$/;

/**
 *   event 'lifecycle' for storage pool kvm_images: Started
 *   event 'refresh' for storage pool kvm_images
 * The name is everything between the fixed text and the event's own suffix, so names with colons,
 * quotes or spaces survive. Anything else (virsh noise) → undefined.
 */
export function parsePoolEventLine(line: string): PoolEvent | undefined {
  const text = line.replace(/\r$/, '');
  const lifecycle = LIFECYCLE.exec(text);
  if (lifecycle) return { kind: 'lifecycle', pool: lifecycle[1]!, detail: lifecycle[2]! };
  const refresh = REFRESH.exec(text);
  if (refresh) return { kind: 'refresh', pool: refresh[1]! };
  return undefined;
}
