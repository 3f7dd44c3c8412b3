import { ApiError } from '../../../shared/api/errors';
import type { RemoteProcess, Transport } from '../transport/transport';
import { hostScript } from './quote';

/**
 * A 0600 temp file on the host holding one XML document, for a verb run on the persistent shell
 * (`define FILE`). `release()` removes it (the channel's stdin closes; the host's shell removes the
 * file on exit, also when the connection drops).
 */
export interface StagedXmlFile {
  readonly path: string;
  release(): void;
}

/**
 * Opening an SSH exec channel costs ~80–100 ms here (sshd starts the user's shell), far more than a
 * define on the persistent shell (~10 ms). So one writer channel per connection is kept open: for
 * each file it reads a byte count, writes that many bytes into its mktemp file (0600), says the
 * path, and removes the file when told (or when its stdin closes: the connection dropped), creating
 * the next file at once (mktemp is off the next edit's path). Files are staged one at a time (an edit holds its file for one define). An unused writer is closed after
 * `idleMs` (it takes one of sshd's MaxSessions); the next stage opens a new one.
 */
const WRITER = hostScript`f=; trap 'rm -f "$f"' EXIT; trap 'exit 129' HUP INT TERM; f=$(mktemp) || exit 125; while IFS= read -r n; do head -c "$n" > "$f" || exit 125; printf '%s\\n' "$f"; IFS= read -r _ || exit 0; rm -f "$f"; f=$(mktemp) || exit 125; done`;

const failed = () => new ApiError('virsh-error', 'Could not write the XML to a temporary file on the host');

export class XmlFileStager {
  private writer: Promise<LineReader> | undefined;
  /** The stage before this one: files are staged one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly idleMs = 60_000,
  ) {}

  /** Opens the writer now (e.g. when a Details page opens), so the first stage is quick. */
  warm(): void {
    if (!this.writer) {
      const opening = this.transport.exec(WRITER).then((proc) => new LineReader(proc));
      this.writer = opening;
      opening.then(
        (reader) =>
          void reader.proc.exited.then(() => {
            if (this.writer === opening) this.writer = undefined;
          }),
        () => {
          if (this.writer === opening) this.writer = undefined;
        },
      );
    }
    this.armIdle();
  }

  stage(xml: string): Promise<StagedXmlFile> {
    const turn = this.queue.then(() => this.writeOne(xml));
    // The next stage waits until this file is released (or failed).
    this.queue = turn.then(
      (file) => file.released,
      () => undefined,
    );
    return turn.then(({ path, release }) => ({ path, release }));
  }

  /** Closes the writer (connection going, or idle). */
  close(): void {
    clearTimeout(this.idleTimer);
    const writer = this.writer;
    this.writer = undefined;
    void writer?.then((reader) => reader.proc.end()).catch(() => undefined);
  }

  private async writeOne(xml: string): Promise<StagedXmlFile & { released: Promise<void> }> {
    this.warm();
    const reader = await this.writer!;
    reader.proc.write(`${Buffer.byteLength(xml)}\n`);
    reader.proc.write(xml);
    const path = await reader.nextLine();
    if (!path?.startsWith('/')) {
      reader.proc.close();
      throw failed();
    }
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let done = false;
    return {
      path,
      released,
      release: () => {
        if (done) return;
        done = true;
        reader.proc.write('rm\n');
        this.armIdle();
        release();
      },
    };
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.idleMs);
    this.idleTimer.unref?.();
  }
}

/** A channel's stdout as lines, one asked for at a time; undefined once it has ended. */
class LineReader {
  private buffered = '';
  private waiting: ((line: string | undefined) => void) | undefined;
  private ended = false;

  constructor(readonly proc: RemoteProcess) {
    proc.stdout.setEncoding('utf8');
    proc.stderr.resume();
    proc.stdout.on('data', (chunk: string) => {
      this.buffered += chunk;
      this.deliver();
    });
    void proc.exited.then(() => {
      this.ended = true;
      this.deliver();
    });
  }

  nextLine(): Promise<string | undefined> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.deliver();
    });
  }

  private deliver(): void {
    if (!this.waiting) return;
    const at = this.buffered.indexOf('\n');
    if (at < 0 && !this.ended) return;
    const resolve = this.waiting;
    this.waiting = undefined;
    if (at < 0) return resolve(undefined);
    const line = this.buffered.slice(0, at);
    this.buffered = this.buffered.slice(at + 1);
    resolve(line);
  }
}

const stagers = new WeakMap<Transport, XmlFileStager>();

/** The one stager of a connection. */
export function stagerOf(transport: Transport): XmlFileStager {
  let stager = stagers.get(transport);
  if (!stager) {
    stager = new XmlFileStager(transport);
    stagers.set(transport, stager);
  }
  return stager;
}
