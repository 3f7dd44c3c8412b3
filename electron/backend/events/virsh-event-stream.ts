import { hostScript, shellCommand } from '../virsh/quote';
import type { RemoteProcess, Transport } from '../hosts/transport';

/** The event verbs of virsh, each run with `--all --loop` (net-event: see below). */
export type VirshEventVerb = 'event' | 'pool-event' | 'net-event' | 'nodedev-event';

/** libvirt 9.0's `net-event` has no `--all` option; it takes one event type (lifecycle). */
const VERB_ARGS: Partial<Record<VirshEventVerb, readonly string[]>> = {
  'net-event': ['--event', 'lifecycle', '--loop'],
};

/**
 * `virsh <verb> --all --loop` on its own channel of the host's connection: libvirt pushes every
 * change, including those made outside VirtDesk; nothing polls. Each output line goes to `onLine`
 * (the collection that started the stream parses its own verb's lines).
 */
export class VirshEventStream {
  private buffer = '';

  private constructor(private readonly proc: RemoteProcess) {}

  static async start(
    transport: Transport,
    uri: string,
    verb: VirshEventVerb,
    onLine: (line: string) => void,
  ): Promise<VirshEventStream> {
    const virsh = shellCommand(['virsh', '-q', '-c', uri, verb, ...(VERB_ARGS[verb] ?? ['--all', '--loop'])]);
    // `virsh event` never reads stdin, so closing the channel alone would leave it running on the
    // host until its next write. A watchdog reading our stdin ends it as soon as the channel closes.
    // (An asynchronous list's stdin is /dev/null in sh, hence the copy of stdin on fd 3.)
    const script =
      `exec 3<&0; ${virsh} </dev/null 2>&1 & child=$!; ` +
      `( cat <&3 >/dev/null; kill $child 2>/dev/null ) >/dev/null 2>&1 & exec 3<&-; ` +
      `wait $child`;
    const proc = await transport.exec(hostScript(script));
    const stream = new VirshEventStream(proc);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      stream.buffer += chunk;
      let newline: number;
      while ((newline = stream.buffer.indexOf('\n')) >= 0) {
        const line = stream.buffer.slice(0, newline);
        stream.buffer = stream.buffer.slice(newline + 1);
        onLine(line);
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
