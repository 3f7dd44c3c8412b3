import type { Duplex } from 'node:stream';
import type { Transport } from '../transport/transport';

/**
 * The byte streams a relay through the desktop holds: each accepted connection on one host piped,
 * end to end, into a connection the desktop opens to the other host. `cutAll` ends the relay: every
 * stream destroyed, and any connection still being opened destroyed as soon as it arrives.
 */
export class RelayPipes {
  private readonly streams = new Set<Duplex>();
  private cut = false;

  get closed(): boolean {
    return this.cut;
  }

  /**
   * Pipes `inbound` into the stream `open` gives (inbound paused meanwhile); either end closing cuts
   * the other. `into`: the connection that stream runs over, asked to gather the packets each chunk
   * from `inbound` becomes into one write (the native relay's memory stream).
   */
  pipe(inbound: Duplex, open: () => Promise<Duplex>, into?: Transport): void {
    this.track(inbound);
    if (this.cut) return void inbound.destroy();
    inbound.pause();
    open().then(
      (outbound) => {
        this.track(outbound);
        if (this.cut || inbound.destroyed) {
          outbound.destroy();
          inbound.destroy();
          return;
        }
        inbound.once('close', () => outbound.destroy());
        outbound.once('close', () => inbound.destroy());
        into?.gatherWritesWhileReading?.(inbound);
        inbound.pipe(outbound);
        outbound.pipe(inbound);
        inbound.resume();
      },
      () => inbound.destroy(),
    );
  }

  /** Keeps `stream` to be cut with the rest (and destroyed on error). */
  track(stream: Duplex): void {
    this.streams.add(stream);
    stream.once('close', () => this.streams.delete(stream));
    stream.on('error', () => stream.destroy());
  }

  cutAll(): void {
    this.cut = true;
    for (const stream of this.streams) stream.destroy();
  }
}
