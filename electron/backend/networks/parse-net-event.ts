/** What `virsh net-event --event lifecycle --loop` prints, per line (libvirt's tools/virsh-network.c). */
export interface NetworkEvent {
  network: string;
  /** Defined, Undefined, Started, Stopped (metadata changes come as their own event type). */
  detail: string;
}

const LIFECYCLE = /^event 'lifecycle' for network (.+): (Defined|Undefined|Started|Stopped|unknown)$/;

/**
 *   event 'lifecycle' for network default: Started
 * The name is everything between the fixed text and the event's own suffix, so names with colons,
 * quotes or spaces survive. Anything else (virsh noise) → undefined.
 */
export function parseNetEventLine(line: string): NetworkEvent | undefined {
  const m = LIFECYCLE.exec(line.replace(/\r$/, ''));
  return m ? { network: m[1]!, detail: m[2]! } : undefined;
}
