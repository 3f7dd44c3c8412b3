import { SERIAL_ACK_WINDOW, SERIAL_CHUNK_BYTES } from '../../../shared/api/consoles';
import type { RemoteProcess, Transport } from '../transport/transport';
import { remoteCommand } from '../virsh/quote';
import { Utf8Chunker } from './utf8-chunks';

export interface SerialSessionOptions {
  uri: string;
  /** The domain's UUID (never its name: no name reaches a shell, hostile or not). */
  domain: string;
  device?: string | undefined;
  rows: number;
  cols: number;
  onData: (seq: number, data: string) => void;
  onEnd: (code: number | null) => void;
}

/** Bytes queued beyond the ack window before the SSH channel is paused. */
const QUEUE_LIMIT = SERIAL_CHUNK_BYTES * 2;

/**
 * `virsh console UUID [DEVNAME] --force` on a PTY channel of the host's SSH connection. Output goes
 * out in chunks of whole UTF-8 characters; past SERIAL_ACK_WINDOW unacknowledged chunks the channel
 * is paused, so a flooding guest stalls itself (SSH window), not the UI.
 *
 * Closing the channel hangs up the PTY: sshd sends SIGHUP to the session, and virsh console exits,
 * so nothing stays behind on the host.
 */
export class SerialSession {
  private readonly chunker = new Utf8Chunker(SERIAL_CHUNK_BYTES);
  private nextSeq = 0;
  private acked = -1;
  private paused = false;
  private ended = false;

  private constructor(
    private readonly proc: RemoteProcess,
    private readonly options: SerialSessionOptions,
  ) {
    proc.stdout.on('data', (bytes: Buffer) => {
      this.chunker.push(bytes);
      this.flush();
    });
    proc.stderr.on('data', (bytes: Buffer) => {
      this.chunker.push(bytes);
      this.flush();
    });
    void proc.exited.then((code) => {
      this.ended = true;
      options.onEnd(code);
    });
  }

  static async open(transport: Transport, options: SerialSessionOptions): Promise<SerialSession> {
    const argv = ['virsh', '-c', options.uri, 'console', options.domain];
    if (options.device) argv.push(options.device);
    argv.push('--force');
    const proc = await transport.exec(remoteCommand(argv), {
      pty: { rows: options.rows, cols: options.cols, term: 'xterm-256color' },
    });
    return new SerialSession(proc, options);
  }

  get inFlight(): number {
    return this.nextSeq - 1 - this.acked;
  }

  write(data: string): void {
    if (!this.ended) this.proc.write(data);
  }

  ack(seq: number): void {
    if (seq >= this.nextSeq || seq <= this.acked) return;
    this.acked = seq;
    this.flush();
  }

  resize(rows: number, cols: number): void {
    this.proc.resize?.(rows, cols);
  }

  close(): void {
    this.ended = true;
    this.proc.close();
  }

  private flush(): void {
    while (this.inFlight < SERIAL_ACK_WINDOW) {
      const chunk = this.chunker.next();
      if (chunk === undefined) break;
      this.options.onData(this.nextSeq++, chunk);
    }
    const full = this.inFlight >= SERIAL_ACK_WINDOW && this.chunker.queuedBytes >= QUEUE_LIMIT;
    if (full && !this.paused) {
      this.paused = true;
      this.proc.pause();
    } else if (!full && this.paused) {
      this.paused = false;
      this.proc.resume();
    }
  }
}
