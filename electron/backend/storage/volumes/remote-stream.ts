import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { ApiError } from '../../../../shared/api/errors';
import type { RemoteProcess, Transport } from '../../transport/transport';
import { hostScript, words } from '../../virsh/quote';

/**
 * `virsh vol-upload|vol-download … /dev/stdin|/dev/stdout` on its own channel. Over SSH the channel's
 * stdin/stdout are pipes on the host, which virsh can open by name; a local child's are sockets,
 * which it cannot, so there a `cat` stands between (its exit status kept through a 0600 temp file).
 */
export function openVirshStream(
  transport: Transport,
  uri: string,
  argv: readonly string[],
  direction: 'upload' | 'download',
): Promise<RemoteProcess> {
  const virsh = words(['virsh', '-q', '-c', uri, ...argv]);
  if (transport.kind === 'ssh') return transport.exec(hostScript`exec ${virsh}`);
  return transport.exec(
    direction === 'upload'
      ? hostScript`cat | ${virsh}`
      : hostScript`t=$(mktemp) || exit 125; trap 'rm -f "$t"' EXIT; { ${virsh}; echo $? > "$t"; } | cat; exit "$(cat "$t")"`,
  );
}

/**
 * The file behind a volume when the SSH user can write it directly: a regular file (a dir, fs or
 * netfs pool's volume; not a symlink, not a block device) that `test -w` allows. Undefined otherwise
 * (the upload then goes through `vol-upload`).
 */
export async function writableVolumeFile(transport: Transport, path: string): Promise<string | undefined> {
  if (!path.startsWith('/')) return undefined;
  const file = words([path]);
  const proc = await transport.exec(hostScript`test -f ${file} && test ! -L ${file} && test -w ${file}`);
  proc.stdout.resume();
  proc.stderr.resume();
  proc.end();
  return (await proc.exited) === 0 ? path : undefined;
}

/**
 * `cat > FILE` on its own channel: the bytes go from sshd's pipe straight into the volume's file,
 * without virsh, libvirtd's RPC stream and its I/O helper (about a third of the CPU per byte of a
 * `vol-upload`). Only for a file `writableVolumeFile` found.
 */
export function openFileSink(transport: Transport, path: string): Promise<RemoteProcess> {
  return transport.exec(hostScript`exec cat > ${words([path])}`);
}

export interface Pumped {
  bytes: number;
  /** Why the copy stopped early; undefined when the source ended. */
  stopped?: 'cancelled' | 'sink-closed';
}

/**
 * Copies `source` into `sink` with backpressure: the source is read only while the sink accepts
 * (an SSH channel's write returns false once its window is full; a file's when its buffer is).
 * Memory stays at one chunk or two whatever the size. Stops at cancel or when `sinkGone` settles.
 */
export async function pump(
  source: AsyncIterable<Buffer | string> & Partial<Pick<Readable, 'destroy'>>,
  sink: Writable,
  opts: { signal: AbortSignal; sinkGone: Promise<unknown>; onBytes: (total: number) => void; limit?: number },
): Promise<Pumped> {
  let bytes = 0;
  let gone = false;
  void opts.sinkGone.then(() => (gone = true));
  const stop = new Promise<'cancelled' | 'sink-closed'>((resolve) => {
    opts.signal.addEventListener('abort', () => resolve('cancelled'), { once: true });
    void opts.sinkGone.then(() => resolve('sink-closed'));
  });
  for await (const chunk of source) {
    if (opts.signal.aborted) return { bytes, stopped: 'cancelled' };
    if (gone) return { bytes, stopped: 'sink-closed' };
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (opts.limit !== undefined && bytes > opts.limit)
      throw new ApiError(
        'storage-error',
        `The file is larger than the ${opts.limit} bytes announced: it changed while being sent`,
      );
    const accepted = sink.write(buffer);
    opts.onBytes(bytes);
    if (!accepted) {
      const ended = await Promise.race([once(sink, 'drain').then(() => undefined), stop]);
      if (ended) return { bytes, stopped: ended };
    }
  }
  return { bytes };
}
