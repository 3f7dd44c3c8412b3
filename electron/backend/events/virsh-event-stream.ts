import { hostScript, script, virshLine, words } from '../virsh/quote';
import type { RemoteProcess, Transport } from '../transport/transport';

/** The event verbs of virsh. */
export type VirshEventVerb = 'event' | 'pool-event' | 'net-event' | 'nodedev-event';

/**
 * Each verb's arguments, one virsh per entry (all on the one channel). `pool-event` has no `--all`
 * (libvirt 9.0: "either --list or --event <type> is required"): one virsh per event type.
 */
const EVENT_ARGS: Record<VirshEventVerb, readonly (readonly string[])[]> = {
  event: [['--all', '--loop']],
  'pool-event': [
    ['--event', 'lifecycle', '--loop'],
    ['--event', 'refresh', '--loop'],
  ],
  // net-event has no --all either (libvirt 9.0: "doesn't support option --all"); lifecycle is its only type there.
  'net-event': [['--event', 'lifecycle', '--loop']],
  // nodedev-event has no --all either (libvirt 9.0: "doesn't support option --all"): one virsh per type.
  'nodedev-event': [
    ['--event', 'lifecycle', '--loop'],
    ['--event', 'update', '--loop'],
  ],
};

/** The command line one virsh of a stream runs (`uri`, then the verb): what `ps` shows on the host. */
export function eventStreamCommand(verb: VirshEventVerb, index = 0): string {
  return `${virshLine(['uri'])} ; ${virshLine([verb, ...EVENT_ARGS[verb][index]!])}`;
}

/** What `virsh uri` prints: a URI (an event line starts with `event '`). */
const URI_LINE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `virsh <verb> … --loop` on its own channel of the host's connection: libvirt pushes every
 * change, including those made outside VirtDesk; nothing polls. Each output line goes to `onLine`
 * (the collection that started the stream parses its own verb's lines).
 *
 * `virsh event` says nothing once it listens, so each virsh first runs `uri` (which needs its
 * connection to libvirt) and then the event verb: `ready` resolves when every virsh printed its URI
 * — it registers for events right after (one call). A change made before that is not reported:
 * a collection reads again what it showed once its stream is ready (`NamedObjectCollection`).
 */
export class VirshEventStream {
  private buffer = '';
  private uriLines = 0;
  private markReady!: () => void;
  /** Every virsh of the stream is connected and registering (or the stream ended). */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  private constructor(
    private readonly proc: RemoteProcess,
    private readonly virshes: number,
  ) {
    void proc.exited.then(() => this.markReady());
  }

  static async start(
    transport: Transport,
    uri: string,
    verb: VirshEventVerb,
    onLine: (line: string) => void,
  ): Promise<VirshEventStream> {
    const children = EVENT_ARGS[verb].map(
      (_, i) =>
        script`${words(['virsh', '-q', '-c', uri, eventStreamCommand(verb, i)])} </dev/null 2>&1 & c${i}=$!; `,
    );
    const pids = children.map((_, i) => script`$c${i} `);
    // `virsh event` never reads stdin, so closing the channel alone would leave it running on the
    // host until its next write. A watchdog reading our stdin ends it as soon as the channel closes.
    // (An asynchronous list's stdin is /dev/null in sh, hence the copy of stdin on fd 3.) When the
    // first virsh ends, the others are ended too, so the stream's end is seen.
    const proc = await transport.exec(
      hostScript`exec 3<&0; ${children}( cat <&3 >/dev/null; kill ${pids}2>/dev/null ) >/dev/null 2>&1 & exec 3<&-; wait $c0; kill ${pids}2>/dev/null`,
    );
    const stream = new VirshEventStream(proc, children.length);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      stream.buffer += chunk;
      let newline: number;
      while ((newline = stream.buffer.indexOf('\n')) >= 0) {
        const line = stream.buffer.slice(0, newline);
        stream.buffer = stream.buffer.slice(newline + 1);
        if (stream.uriLines < stream.virshes && URI_LINE.test(line)) {
          if (++stream.uriLines === stream.virshes) stream.markReady();
        } else onLine(line);
      }
    });
    proc.stderr.on('data', () => undefined);
    return stream;
  }

  get exited(): Promise<number | null> {
    return this.proc.exited;
  }

  close(): void {
    this.proc.end();
    this.proc.close();
  }
}
