import { ApiError } from '../../../shared/api/errors';
import type { HostConfig, HostStatus } from '../../../shared/api/hosts';
import { parseKeyValues } from '../virsh/parse-list';
import { VirshShell } from '../virsh/virsh-shell';
import { ReaderSlot, type LibvirtReader } from '../libvirt-rpc/libvirt-reader';
import { openTransport } from '../transport/open-transport';
import type { SshDeps } from '../transport/ssh-transport';
import type { Transport } from '../transport/transport';
import type { EventBus } from '../events/event-bus';

export interface HostConnectionDeps extends Omit<SshDeps, 'hostId'> {
  bus: EventBus;
  /** Backoff before reconnect attempt n (0-based), in ms. */
  retryDelayMs?: (attempt: number) => number;
}

/** One live connection to a host, as the parts that live on it (object collections) see it. */
export interface LiveHost {
  readonly hostId: string;
  readonly uri: string;
  readonly transport: Transport;
  /** The shared persistent virsh shell (quick commands only; long work runs apart, as jobs). */
  readonly shell: VirshShell;
  /**
   * A read-only connection to the host's libvirt daemon for reading many objects' XML at once
   * (`libvirt-rpc/`); undefined where the host has none: read through virsh then.
   */
  readonly reader?: () => Promise<LibvirtReader | undefined>;
  /** False once this connection was dropped or replaced: late results must be thrown away. */
  current(): boolean;
  /**
   * Says "connected" to the user (once). The first collection with something to show calls it just
   * after its first (reset) delta, so the renderer already has the rows when the host turns connected
   * and draws both in one go.
   */
  announce(): Promise<void>;
  /** Resolves when the host has been announced as connected. */
  readonly announced: Promise<void>;
  /** A part saw the connection die (its event stream ended): reconnect. */
  lost(reason: Error): void;
}

/** Something that lives on a host's connection (an object collection, stats, …). */
export interface HostPart {
  /**
   * What the user sees first (the VM list): attached at once. The other parts attach once the host
   * settled (the VM list and every VM's XML read), so their channels and processes (event streams, the
   * wizard's reads) do not compete with the rows and their details for the host's and desktop's CPU
   * (measured: attaching them at "connected" delayed the last XML by ~100 ms of 260).
   */
  readonly paintsFirst?: boolean;
  /** A (re)connect: read everything, start listening for changes. */
  attach(host: LiveHost): Promise<void>;
  /** The connection went (dropped or closed): stop using it. What was read stays shown while retrying. */
  detach(): void;
  /** The user disconnected: forget everything (and say so to the renderer). */
  clear(): void;
}

const TRANSIENT: ReadonlySet<string> = new Set([
  'connect-refused',
  'connect-timeout',
  'connect-dns',
  'connection-lost',
  'libvirt-unreachable',
]);

/**
 * A dropped connection is tried again almost at once (most drops are one broken TCP connection, and
 * the server answers the next one), then after 1 s, 2 s, 4 s … up to 30 s.
 */
export const defaultRetryDelay = (attempt: number) =>
  attempt === 0 ? 100 : Math.min(30_000, 1000 * 2 ** (attempt - 1));

/** A connection that stayed up this long starts its retries from the quick first one again. */
const STABLE_MS = 10_000;

/**
 * The connection part of a host: its transport (one SSH connection), the persistent virsh shell,
 * reconnect with backoff, and the status the user sees. The object collections (domains, pools, …)
 * are attached on every (re)connect and detached when it goes.
 */
export class HostConnection {
  private status: HostStatus;
  /** Notes from reading ~/.ssh/config for the current attempt, shown with every status. */
  private notes: string[] = [];
  private live: LiveHost | undefined;
  private readerSlot: ReaderSlot | undefined;
  private generation = 0;
  private wanted = false;
  private retryAttempt = 0;
  /** When the current connection answered (a drop soon after continues the backoff: no quick loop). */
  private upSince = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<HostStatus> | undefined;

  constructor(
    public config: HostConfig,
    private readonly deps: HostConnectionDeps,
    private readonly parts: readonly HostPart[],
  ) {
    this.status = { hostId: config.id, state: 'disconnected' };
  }

  getStatus(): HostStatus {
    return this.status;
  }

  /** User asked to connect: one attempt, no automatic retries if it fails (the reason is shown). */
  connect(): Promise<HostStatus> {
    this.wanted = true;
    if (this.status.state === 'connected') return Promise.resolve(this.status);
    if (this.connecting) return this.connecting;
    clearTimeout(this.retryTimer);
    this.retryAttempt = 0;
    this.connecting = this.attempt(false).finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  disconnect(): HostStatus {
    this.wanted = false;
    this.generation++;
    clearTimeout(this.retryTimer);
    this.teardown();
    this.deps.prompts.cancelHost(this.config.id);
    for (const part of this.parts) part.clear();
    this.setStatus({ hostId: this.config.id, state: 'disconnected' });
    return this.status;
  }

  /** The live connection; throws `not-connected` unless the host is connected. */
  require(): LiveHost {
    if (this.status.state !== 'connected' || !this.live?.shell.alive) {
      throw new ApiError('not-connected', `${this.label()} is not connected`);
    }
    return this.live;
  }

  label(): string {
    return this.config.name || this.config.host || this.config.uri;
  }

  private async attempt(isRetry: boolean): Promise<HostStatus> {
    const gen = ++this.generation;
    const hostId = this.config.id;
    if (!isRetry) this.setStatus({ hostId, state: 'connecting' });
    let transport: Transport | undefined;
    this.notes = [];
    try {
      transport = await openTransport(this.config, { ...this.deps, hostId }, this.notes);
      // The daemon reader first, where the host has one (~20 ms; it lists the VMs in one round
      // trip): virsh's start, tens of milliseconds of the host's CPU, then runs beside the first
      // rows instead of before them.
      const readerSlot = new ReaderSlot(transport, this.config.uri);
      this.readerSlot = readerSlot;
      const reader = await readerSlot.get();
      // With a reader, virsh even starts once the first parts settled (the list and every VM's XML
      // came from the reader), or at the first command a part writes to it.
      let firstSettled!: () => void;
      const startWhen = reader ? new Promise<void>((resolve) => (firstSettled = resolve)) : undefined;
      // The parts' first commands are written behind virsh's `uri` check, without waiting for it:
      // a refused libvirt fails them all, and `ready` says why.
      const { shell, ready } = await VirshShell.start(transport, this.config.uri, { startWhen });
      if (gen !== this.generation) {
        shell.close();
        transport.close();
        return this.status;
      }
      const live = this.makeLive(gen, transport, shell, ready, readerSlot);
      this.live = live;
      // The first parts read at once, pipelined on the one shell; the others follow once they settled.
      const first = Promise.all(this.parts.filter((p) => p.paintsFirst).map((part) => part.attach(live)));
      void first.finally(() => firstSettled?.()).catch(() => undefined);
      const rest = first.then(() =>
        Promise.all(this.parts.filter((p) => !p.paintsFirst).map((part) => part.attach(live))),
      );
      const attached = Promise.all([first, rest]);
      attached.catch(() => undefined); // awaited below, once libvirt has answered (or not)
      await ready;
      // A session daemon virsh just started has a socket now: the later parts get a reader.
      if (!reader) readerSlot.retryIfNone();
      this.upSince = Date.now();
      void Promise.race([transport.closed, shell.exited]).then((reason) => this.onLost(gen, reason));
      await attached;
      await live.announce();
      return this.status;
    } catch (error) {
      transport?.close();
      if (gen !== this.generation) return this.status;
      this.generation++; // the closing transport must not be mistaken for a later drop
      const apiError = toApiError(error);
      this.teardown();
      if (isRetry && this.wanted && TRANSIENT.has(apiError.code)) this.scheduleRetry(apiError);
      else this.setStatus({ hostId, state: 'failed', error: apiError.toShape() });
      return this.status;
    }
  }

  private makeLive(
    gen: number,
    transport: Transport,
    shell: VirshShell,
    ready: Promise<void>,
    readerSlot: ReaderSlot,
  ): LiveHost {
    // From the daemon reader where there is one (virsh may not have answered yet), else virsh.
    const hostCpus = readerSlot
      .get()
      .then((reader) => reader?.hostCpus())
      .catch(() => undefined)
      .then((cpus) => cpus ?? readHostCpus(shell));
    let announcing: Promise<void> | undefined;
    let markAnnounced!: () => void;
    const announced = new Promise<void>((resolve) => (markAnnounced = resolve));
    return {
      hostId: this.config.id,
      uri: this.config.uri,
      transport,
      shell,
      reader: () => readerSlot.get(),
      current: () => gen === this.generation,
      announced,
      announce: () => {
        announcing ??= hostCpus.then((cpus) => {
          if (gen !== this.generation) return;
          this.setStatus({
            hostId: this.config.id,
            state: 'connected',
            hypervisor: this.config.uri,
            ...(cpus ? { hostCpus: cpus } : {}),
          });
          markAnnounced();
        });
        return announcing;
      },
      // Before libvirt answered, a part's failure is the attempt's (it fails with `ready`'s reason).
      lost: (reason) =>
        void ready.then(
          () => this.onLost(gen, reason),
          () => undefined,
        ),
    };
  }

  private onLost(gen: number, reason: Error | undefined): void {
    if (gen !== this.generation || !this.wanted) return;
    this.generation++;
    if (Date.now() - this.upSince >= STABLE_MS) this.retryAttempt = 0;
    this.teardown();
    const message = reason?.message ? `Connection lost: ${reason.message}` : 'Connection lost';
    this.scheduleRetry(new ApiError('connection-lost', message));
  }

  private scheduleRetry(error: ApiError): void {
    const delay = (this.deps.retryDelayMs ?? defaultRetryDelay)(this.retryAttempt++);
    this.setStatus({ hostId: this.config.id, state: 'retrying', error: error.toShape(), retryInMs: delay });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.attempt(true), delay);
  }

  private teardown(): void {
    for (const part of this.parts) part.detach();
    this.readerSlot?.close();
    this.readerSlot = undefined;
    this.live?.shell.close();
    this.live?.transport.close();
    this.live = undefined;
  }

  private setStatus(status: HostStatus): void {
    this.status = this.notes.length > 0 ? { ...status, notes: [...this.notes] } : status;
    this.deps.bus.emit('hosts/status', status);
  }
}

async function readHostCpus(shell: VirshShell): Promise<number | undefined> {
  try {
    const cpus = Number(parseKeyValues(await shell.run(['nodeinfo'])).get('CPU(s)'));
    return Number.isInteger(cpus) ? cpus : undefined;
  } catch {
    return undefined;
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}
