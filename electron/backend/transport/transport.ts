import type { Duplex, Readable, Writable } from 'node:stream';
import type { RemoteCommand } from '../virsh/quote';

/** A command running on a host: an SSH exec channel or a local child process. */
export interface RemoteProcess {
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** The command's stdin as a stream, for bulk data with backpressure (wait for 'drain'). */
  readonly stdin: Writable;
  write(data: string | Buffer): boolean;
  /** Close stdin. */
  end(): void;
  /** Stop the command (close the channel / kill the child). */
  close(): void;
  /** Resolves with the exit code (null when killed by a signal or the connection dropped). */
  readonly exited: Promise<number | null>;
  /** PTY channels only: follow the terminal's size. */
  resize?(rows: number, cols: number): void;
  /** Flow control: stop / resume reading from the far end. */
  pause(): void;
  resume(): void;
}

export interface ExecOptions {
  /** Request a PTY (virsh console needs one). */
  pty?: { rows: number; cols: number; term?: string };
}

/** How the backend reaches one host. One SSH connection per host carries every channel. */
export interface Transport {
  readonly kind: 'ssh' | 'local';
  /** Runs `command` (built by quote.ts only: `remoteCommand(argv)` or hostScript`…`) on the host. */
  exec(command: RemoteCommand, options?: ExecOptions): Promise<RemoteProcess>;
  /** A byte stream to host:port as seen from the host (consoles). */
  connectTcp(host: string, port: number): Promise<Duplex>;
  /** A byte stream to a unix socket on the host (OpenSSH streamlocal forwarding over SSH). */
  connectUnix(path: string): Promise<Duplex>;
  /** Resolves once when the connection is gone (error: why). */
  readonly closed: Promise<Error | undefined>;
  close(): void;
}
