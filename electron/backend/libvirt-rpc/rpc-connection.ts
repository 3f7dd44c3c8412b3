import type { Duplex } from 'node:stream';
import { XdrReader, XdrWriter } from './xdr';

/** libvirt's remote program and its wire constants (src/rpc/virnetprotocol.x, remote_protocol.x). */
export const REMOTE_PROGRAM = 0x20008086;
const REMOTE_PROTOCOL_VERSION = 1;
/** Largest message libvirt sends or accepts (VIR_NET_MESSAGE_MAX), without the length word. */
export const MESSAGE_MAX = 33_554_432;
const HEADER_BYTES = 24;
export const STRING_MAX = 4_194_304;

const enum MessageType {
  Call = 0,
  Reply = 1,
  /** Sent by the daemon unasked: the events a call registered for. */
  Message = 2,
}
const enum MessageStatus {
  Ok = 0,
  Error = 1,
}

/** What libvirt said went wrong (its virError: code, domain, message). */
export class RpcCallError extends Error {
  constructor(
    readonly code: number,
    readonly domain: number,
    message: string,
  ) {
    super(message);
  }
}

/** The stream broke, or the far end sent something that is not libvirt's protocol. */
export class RpcProtocolError extends Error {}

interface Pending {
  resolve: (payload: XdrReader) => void;
  reject: (error: Error) => void;
}

/**
 * Calls of libvirt's remote program over one byte stream (a unix socket, or an SSH streamlocal
 * channel to it), pipelined: every call gets a serial, replies are matched by it in whatever order
 * the daemon's workers send them. At most `maxInFlight` calls are written ahead of their replies
 * (libvirtd itself reads at most max_client_requests at a time; the rest wait here, not in buffers).
 * Anything that is not a well-formed reply to a call of ours breaks the connection: every pending
 * call fails and nothing more is sent.
 */
export class RpcConnection {
  private serial = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: Array<() => void> = [];
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private broken: Error | undefined;
  private messageListener: ((procedure: number, payload: XdrReader) => void) | undefined;
  private readonly brokenListeners: Array<(error: Error) => void> = [];

  constructor(
    private readonly stream: Duplex,
    private readonly maxInFlight = 32,
  ) {
    stream.on('data', (chunk: Buffer) => this.receive(chunk));
    stream.on('error', (error: Error) => this.fail(new RpcProtocolError(error.message)));
    stream.on('close', () => this.fail(new RpcProtocolError('The libvirt connection closed')));
    stream.on('end', () => this.fail(new RpcProtocolError('The libvirt connection closed')));
  }

  get alive(): boolean {
    return this.broken === undefined;
  }

  /**
   * Takes the daemon's event messages (one listener; before any is set, a message breaks the
   * connection like anything else not asked for). A listener that throws breaks it too.
   */
  onMessage(listener: (procedure: number, payload: XdrReader) => void): void {
    this.messageListener = listener;
  }

  /** Called once, when the connection breaks or is closed (with why). */
  onBroken(listener: (error: Error) => void): void {
    if (this.broken) listener(this.broken);
    else this.brokenListeners.push(listener);
  }

  /** Sends one call; resolves with a reader over the reply's payload. */
  async call(procedure: number, args?: (w: XdrWriter) => void): Promise<XdrReader> {
    while (this.pending.size >= this.maxInFlight && !this.broken)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.broken) throw this.broken;
    const serial = ++this.serial >>> 0;
    const body = new XdrWriter()
      .uint(REMOTE_PROGRAM)
      .uint(REMOTE_PROTOCOL_VERSION)
      .int(procedure)
      .int(MessageType.Call)
      .uint(serial)
      .int(MessageStatus.Ok);
    args?.(body);
    const message = body.toBuffer();
    const length = Buffer.alloc(4);
    length.writeUInt32BE(message.length + 4);
    return new Promise<XdrReader>((resolve, reject) => {
      this.pending.set(serial, { resolve, reject });
      this.stream.write(Buffer.concat([length, message]));
    });
  }

  close(): void {
    this.fail(new RpcProtocolError('The libvirt connection was closed'));
    this.stream.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.broken) return;
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    try {
      while (this.bufferedBytes >= 4) {
        const head = this.buffered.length === 1 ? this.buffered[0]! : this.join();
        const length = head.readUInt32BE(0);
        if (length < 4 + HEADER_BYTES || length - 4 > MESSAGE_MAX)
          throw new RpcProtocolError(`libvirt sent a message of ${length} bytes`);
        if (this.bufferedBytes < length) return;
        const all = this.join();
        const message = all.subarray(4, length);
        const rest = all.subarray(length);
        this.buffered = rest.length > 0 ? [rest] : [];
        this.bufferedBytes = rest.length;
        this.dispatch(message);
      }
    } catch (error) {
      this.fail(error instanceof RpcProtocolError ? error : new RpcProtocolError(String(error)));
      this.stream.destroy();
    }
  }

  private join(): Buffer {
    const all = Buffer.concat(this.buffered, this.bufferedBytes);
    this.buffered = [all];
    return all;
  }

  private dispatch(message: Buffer): void {
    const r = new XdrReader(message);
    const program = r.uint();
    const version = r.uint();
    const procedure = r.int();
    const type = r.int();
    const serial = r.uint();
    const status = r.int();
    if (program !== REMOTE_PROGRAM || version !== REMOTE_PROTOCOL_VERSION)
      throw new RpcProtocolError(`libvirt sent program ${program.toString(16)} version ${version}`);
    if (type === MessageType.Message && status === MessageStatus.Ok && this.messageListener) {
      this.messageListener(procedure, r);
      return;
    }
    // Stream data is never asked for on this connection; events only once a listener is set.
    if (type !== MessageType.Reply) throw new RpcProtocolError(`libvirt sent a message of type ${type}`);
    const call = this.pending.get(serial);
    if (!call) throw new RpcProtocolError(`libvirt answered call ${serial}, which was not made`);
    this.pending.delete(serial);
    this.waiting.shift()?.();
    if (status === MessageStatus.Ok) call.resolve(r);
    else if (status === MessageStatus.Error) call.reject(readError(r));
    else throw new RpcProtocolError(`libvirt answered call ${serial} with status ${status}`);
  }

  private fail(error: Error): void {
    if (this.broken) return;
    this.broken = error;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
    for (const wake of this.waiting.splice(0)) wake();
    for (const listener of this.brokenListeners.splice(0)) listener(error);
  }
}

/** virNetMessageError: code, domain, message, … (the rest is not needed). */
function readError(r: XdrReader): RpcCallError {
  try {
    const code = r.int();
    const domain = r.int();
    const message = r.optionalString(STRING_MAX) ?? `libvirt error ${code}`;
    return new RpcCallError(code, domain, message);
  } catch {
    return new RpcCallError(-1, -1, 'libvirt reported an error it could not describe');
  }
}
