import { RpcCallError, STRING_MAX, type RpcConnection } from './rpc-connection';
import type { XdrReader } from './xdr';

/** The kinds of libvirt objects whose events a reader can watch. */
export type EventKind = 'domain' | 'network' | 'pool' | 'nodedev';

/** Registered events of one kind on a reader's connection. */
export interface EventWatch {
  /** Settles when the connection broke or was closed: no more events will come. */
  readonly ended: Promise<Error>;
  close(): void;
}

interface KindProtocol {
  /** REMOTE_PROC_CONNECT_<KIND>_EVENT_(CALLBACK_)REGISTER_ANY and its DEREGISTER_ANY. */
  register: number;
  deregister: number;
  /** The event ids asked for: any of them re-reads the object it names. The first must be accepted. */
  eventIds: readonly number[];
  /**
   * The procedures the daemon's messages of this kind carry; undefined: every message no other kind
   * claims (the domain's events are many and grow with each libvirt release).
   */
  messages?: readonly number[];
}

/**
 * Numbers from libvirt's src/remote/remote_protocol.x (stable: procedures are only ever added).
 * Every event message starts with the callback id and then the object (a domain, network or pool
 * as name + UUID + …, a node device as its name): the name is what a collection re-reads by.
 */
const KINDS: Record<EventKind, KindProtocol> = {
  // virDomainEventID 0 … 26 in libvirt 9 (what `virsh event --all` listens to); the daemon refuses
  // the ones it does not know (older versions). 0 is the lifecycle.
  domain: { register: 316, deregister: 317, eventIds: Array.from({ length: 27 }, (_, id) => id) },
  // VIR_NETWORK_EVENT_ID_LIFECYCLE → REMOTE_PROC_NETWORK_EVENT_LIFECYCLE
  network: { register: 313, deregister: 314, eventIds: [0], messages: [315] },
  // VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, _REFRESH → …_LIFECYCLE 370, …_REFRESH 373
  pool: { register: 368, deregister: 369, eventIds: [0, 1], messages: [370, 373] },
  // VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, _UPDATE → …_LIFECYCLE 376, …_UPDATE 377
  nodedev: { register: 374, deregister: 375, eventIds: [0, 1], messages: [376, 377] },
};

/** Which kind a daemon message (by its procedure) is about. */
export function eventKindOf(procedure: number): EventKind {
  for (const kind of ['network', 'pool', 'nodedev'] as const)
    if (KINDS[kind].messages?.includes(procedure)) return kind;
  return 'domain';
}

/** The name of the object an event message names (after the callback id). */
export function eventObjectName(payload: XdrReader): string {
  payload.int(); // callback id
  return payload.string(STRING_MAX);
}

/**
 * Registers for every object's events of `kind` on `rpc` (each event id the daemon knows; the
 * first must be accepted, else this throws and registers nothing). The daemon sends them as
 * messages from then on; `close` deregisters.
 */
export async function registerEvents(rpc: RpcConnection, kind: EventKind): Promise<{ close(): void }> {
  const { register, deregister, eventIds } = KINDS[kind];
  // args: the event id, then no object (a null optional: every object of the kind)
  const registered = await Promise.allSettled(
    eventIds.map((id) => rpc.call(register, (w) => w.int(id).int(0)).then((r) => r.int())),
  );
  const callbacks = registered.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    for (const id of callbacks) rpc.call(deregister, (w) => w.int(id)).catch(() => undefined);
  };
  const first = registered[0]!;
  if (first.status === 'rejected') {
    close();
    throw first.reason instanceof Error ? first.reason : new RpcCallError(-1, -1, String(first.reason));
  }
  return { close };
}
