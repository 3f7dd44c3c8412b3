import type { LiveHost } from '../hosts/host-connection';
import type { EventKind, EventWatch } from '../libvirt-rpc/object-events';
import { VirshEventStream, type VirshEventVerb } from '../events/virsh-event-stream';

/**
 * Starts a collection's event stream on a live connection. A stream that ends while its connection
 * is still current means the connection is gone: the host reconnects. test:/// keeps its state
 * inside one virsh process, where a second process sees another world: there no stream is started
 * and actions refresh what they touch.
 */
export async function listenForEvents(
  host: LiveHost,
  verb: VirshEventVerb,
  onLine: (line: string) => void,
): Promise<VirshEventStream | undefined> {
  if (host.uri.startsWith('test:')) return undefined;
  const stream = await VirshEventStream.start(host.transport, host.uri, verb, onLine);
  if (!host.current()) {
    stream.close();
    return undefined;
  }
  void stream.exited.then(() => {
    if (host.current()) host.lost(new Error(`the libvirt ${verb} stream ended`));
  });
  return stream;
}

/**
 * Registers for a kind's events on the host's daemon reader: once this resolves with a watch the
 * daemon reports every later change. Undefined where the host has no reader or the daemon refused
 * (listen through virsh then). The reader's connection breaking is the host's connection lost.
 */
export async function watchThroughReader(
  host: LiveHost,
  kind: EventKind,
  onName: (name: string) => void,
): Promise<EventWatch | undefined> {
  const reader = await host.reader?.();
  const watch = await reader?.watch(kind, onName).catch(() => undefined);
  void watch?.ended.then(() => {
    if (host.current()) host.lost(new Error('the libvirt event connection ended'));
  });
  return watch;
}
