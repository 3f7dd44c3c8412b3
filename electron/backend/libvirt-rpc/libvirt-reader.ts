import type { Transport } from '../transport/transport';
import { findLibvirtSocket } from './libvirt-socket';
import {
  AuthType,
  authList,
  authPolkit,
  connectClose,
  connectOpen,
  domainState,
  domainXml,
  listAllDomains,
  nodeCpus,
  poolByName,
  poolVolumes,
  volumeXml,
  type DomainEntry,
  type DomainListFilter,
  type DomainRef,
  type PoolRef,
  type VolumeRef,
} from './remote-calls';
import {
  eventKindOf,
  eventObjectName,
  registerEvents,
  type EventKind,
  type EventWatch,
} from './object-events';
import { RpcConnection } from './rpc-connection';

/**
 * A read-only connection to the host's libvirt daemon, spoken to directly (libvirt's remote
 * protocol over an SSH streamlocal channel to its unix socket): for reading many objects' XML,
 * where virsh costs two (domains) to five (volumes) daemon calls and a command's parse per object,
 * one after another. Here each object is one call, many in flight at once. Everything else — every
 * change, every quick command — stays on virsh. Read-only is the daemon's to enforce: the connection
 * is opened with VIR_CONNECT_RO (and on the read-only socket where the daemon has one).
 */
export class LibvirtReader {
  /** Who takes each kind's events (set by `watch`). */
  private readonly listeners = new Map<EventKind, (name: string) => void>();

  private constructor(private readonly rpc: RpcConnection) {}

  get alive(): boolean {
    return this.rpc.alive;
  }

  /**
   * Opens a reader for `uri` (`qemu:///system` or `qemu:///session`, as the host's virsh uses it);
   * undefined where the daemon cannot be reached this way (another driver, no socket, streamlocal
   * forwarding refused by sshd, SASL asked for): the caller reads through virsh then.
   */
  static async open(transport: Transport, uri: string): Promise<LibvirtReader | undefined> {
    const mode = /^qemu:\/\/\/(system|session)$/.exec(uri)?.[1] as 'system' | 'session' | undefined;
    if (!mode) return undefined;
    let rpc: RpcConnection | undefined;
    try {
      const path = await findLibvirtSocket(transport, mode, { readOnly: true });
      if (!path) return undefined;
      rpc = new RpcConnection(await transport.connectUnix(path));
      const auth = await authList(rpc);
      if (auth.includes(AuthType.Polkit)) await authPolkit(rpc);
      else if (auth.length > 0 && !auth.includes(AuthType.None)) throw new Error('SASL is not offered here');
      await connectOpen(rpc, uri);
      return new LibvirtReader(rpc);
    } catch {
      rpc?.close();
      return undefined;
    }
  }

  domains(filter: DomainListFilter): Promise<DomainEntry[]> {
    return listAllDomains(this.rpc, filter);
  }

  /** The domain's virDomainState number. */
  domainState(domain: DomainRef): Promise<number> {
    return domainState(this.rpc, domain);
  }

  hostCpus(): Promise<number> {
    return nodeCpus(this.rpc);
  }

  /**
   * Registers for every object's events of `kind` (the daemon answered: a list read after this
   * resolves misses nothing) and calls `onEvent` with the name of the object each names. One watch
   * per kind and reader; refused (thrown) where the daemon has no such events (an older libvirt,
   * a driver missing).
   */
  async watch(kind: EventKind, onEvent: (name: string) => void): Promise<EventWatch> {
    if (this.listeners.has(kind)) throw new Error(`${kind} events are watched already`);
    if (this.listeners.size === 0)
      // A message that does not parse breaks the connection (and so every watch: the host reconnects).
      this.rpc.onMessage((procedure, payload) => {
        const listener = this.listeners.get(eventKindOf(procedure));
        if (listener) listener(eventObjectName(payload));
      });
    this.listeners.set(kind, onEvent);
    const registration = await registerEvents(this.rpc, kind).catch((error: unknown) => {
      this.listeners.delete(kind);
      throw error;
    });
    const ended = new Promise<Error>((resolve) => this.rpc.onBroken(resolve));
    return {
      ended,
      close: () => {
        if (this.listeners.get(kind) === onEvent) this.listeners.delete(kind);
        registration.close();
      },
    };
  }

  domainXml(domain: DomainRef, inactive = false): Promise<string> {
    return domainXml(this.rpc, domain, inactive);
  }

  pool(name: string): Promise<PoolRef> {
    return poolByName(this.rpc, name);
  }

  volumes(pool: PoolRef): Promise<VolumeRef[]> {
    return poolVolumes(this.rpc, pool);
  }

  volumeXml(volume: VolumeRef): Promise<string> {
    return volumeXml(this.rpc, volume);
  }

  close(): void {
    if (!this.rpc.alive) return;
    connectClose(this.rpc).catch(() => undefined);
    this.rpc.close();
  }
}

/**
 * A connection's reader, opened on first use and again after it broke (a daemon restart); once the
 * host said it has none (another driver, no socket), it is not asked again on this connection.
 */
export class ReaderSlot {
  private opened: Promise<LibvirtReader | undefined> | undefined;
  private closed = false;
  private askAgain = false;

  constructor(
    private readonly transport: Transport,
    private readonly uri: string,
  ) {}

  get(): Promise<LibvirtReader | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    const previous = this.opened;
    this.opened = (async () => {
      const reader = previous ? await previous : null;
      if (reader === undefined && !this.askAgain) return undefined;
      this.askAgain = false;
      if (reader?.alive) return reader;
      const fresh = await LibvirtReader.open(this.transport, this.uri);
      if (this.closed) fresh?.close();
      return this.closed ? undefined : fresh;
    })();
    return this.opened;
  }

  /**
   * Asks once more on next use if the host had none: a session daemon that was not running has no
   * socket until virsh starts it (call once virsh answered).
   */
  retryIfNone(): void {
    this.askAgain = true;
  }

  close(): void {
    this.closed = true;
    void this.opened?.then((reader) => reader?.close());
  }
}
