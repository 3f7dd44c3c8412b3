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

/** A listening socket on a host whose connections come to the desktop (see `Transport.listenUnix`). */
export interface RemoteListener {
  /** Stops listening (the host removes its end); resolves once the host answered or the connection went. */
  close(): Promise<void>;
}

/** A TCP port a host listens on for the desktop (see `Transport.listenTcp`). */
export interface RemoteTcpListener extends RemoteListener {
  /** The port sshd chose. */
  readonly port: number;
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
  /**
   * SSH only (issue 14, relay migration): the host listens on the unix socket `path` (OpenSSH
   * streamlocal remote forward, created with the SSH user's rights and sshd's StreamLocalBindMask,
   * 0177 by default) and hands every connection made to it to `onConnection` as a byte stream.
   */
  listenUnix?(path: string, onConnection: (stream: Duplex) => void): Promise<RemoteListener>;
  /**
   * SSH only (issue 14, native relay migration): the host listens on `address`, a port sshd chooses
   * (an OpenSSH remote TCP forward), and hands every connection made to it to `onConnection` with the
   * connecting end's address and port as the host saw them; the callback accepts it (returns a
   * function that receives the stream) or refuses it (returns undefined: the host closes it at once).
   */
  listenTcp?(
    address: string,
    onConnection: (from: { address: string; port: number }) => ((stream: Duplex) => void) | undefined,
  ): Promise<RemoteTcpListener>;
  /**
   * SSH only (issue 14, native relay's copy loop): from now on, whenever `from` delivers data, what this
   * connection sends meanwhile is handed to the network together at the end of that tick (one system
   * call for the several SSH packets a relayed chunk becomes, instead of one per packet).
   */
  gatherWritesWhileReading?(from: Readable): void;
  /** Resolves once when the connection is gone (error: why). */
  readonly closed: Promise<Error | undefined>;
  close(): void;
}
