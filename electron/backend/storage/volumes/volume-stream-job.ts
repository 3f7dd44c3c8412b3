import type { Readable, Writable } from 'node:stream';
import { ApiError } from '../../../../shared/api/errors';
import { formatBytes } from '../../../../shared/xml/units';
import type { LiveHost } from '../../hosts/host-connection';
import type { JobContext } from '../../jobs/job-manager';
import { longRunner } from '../../hosts/host-session';
import { openFileSink, openVirshStream, pump, writableVolumeFile } from './remote-stream';

const EXIT_WAIT_MS = 30_000;

/**
 * Whether an upload may write a writable volume file directly (`cat >`) instead of `vol-upload`.
 * Always on in the app; tests and the upload bench turn it off to exercise and measure the
 * `vol-upload` route on the same pool.
 */
export const uploadRoute = { directWhereWritable: true };

/**
 * Streams `source` into volume `name` on its own channel: straight into the volume's file (`cat >`)
 * when the SSH user can write it (a dir/fs/netfs pool), else with `vol-upload … /dev/stdin`.
 * Succeeds only when exactly `size` bytes went in and the host's command exited 0; anything else
 * throws (the caller deletes the volume). On cancel stdin is closed, so the command ends by itself
 * before the volume is deleted. After a direct write the pool is refreshed, as libvirt does after a
 * `vol-upload` (new allocation, a qcow2 inside recognised).
 */
export async function streamIntoVolume(
  host: LiveHost,
  target: { pool: string; name: string; size: number },
  source: AsyncIterable<Buffer | string>,
  context: JobContext,
): Promise<void> {
  const file = uploadRoute.directWhereWritable ? await directFile(host, target) : undefined;
  const proc = file
    ? await openFileSink(host.transport, file)
    : await openVirshStream(
        host.transport,
        host.uri,
        ['vol-upload', '--pool', target.pool, target.name, '/dev/stdin'],
        'upload',
      );
  const said = collectText(proc.stdout, proc.stderr);
  let result;
  try {
    result = await pump(source, proc.stdin, {
      signal: context.signal,
      sinkGone: proc.exited,
      onBytes: (bytes) => context.progress(bytes, target.size),
      limit: target.size,
    });
  } finally {
    proc.end();
  }
  const code = await withinTime(proc.exited, EXIT_WAIT_MS, () => proc.close());
  if (result.stopped === 'cancelled') throw new ApiError('cancelled', 'Upload cancelled');
  if (code === null || !host.current())
    throw new ApiError(
      'connection-lost',
      `The connection dropped after ${formatBytes(result.bytes)} of ${formatBytes(target.size)}`,
    );
  if (code !== 0) throw new ApiError('virsh-error', virshMessage(said(), code));
  if (result.bytes !== target.size)
    throw new ApiError(
      'storage-error',
      `Only ${formatBytes(result.bytes)} of ${formatBytes(target.size)} arrived: the file ended early`,
    );
  // libvirt re-reads a volume's file on a pool refresh only; a refused refresh (another job in the
  // pool) leaves the bytes in place and the sizes are read again on the next one.
  if (file)
    await longRunner(host)
      .run(['pool-refresh', target.pool])
      .catch(() => undefined);
}

async function directFile(host: LiveHost, target: { pool: string; name: string }) {
  // On `test:///` the volumes are the driver's fiction, not files on this machine.
  if (host.uri.startsWith('test:')) return undefined;
  const path = (await host.shell.run(['vol-path', '--pool', target.pool, target.name])).trim();
  return writableVolumeFile(host.transport, path);
}

/**
 * Streams volume `name` into `sink` with `vol-download … /dev/stdout`. Succeeds when virsh exited 0
 * and, where the volume's size on the host is known, exactly that many bytes arrived.
 */
export async function streamOutOfVolume(
  host: LiveHost,
  target: { pool: string; name: string; size?: number },
  sink: Writable,
  sinkGone: Promise<unknown>,
  context: JobContext,
): Promise<number> {
  const proc = await openVirshStream(
    host.transport,
    host.uri,
    ['vol-download', '--pool', target.pool, target.name, '/dev/stdout'],
    'download',
  );
  proc.end();
  const said = collectText(proc.stderr);
  const result = await pump(proc.stdout, sink, {
    signal: context.signal,
    sinkGone,
    onBytes: (bytes) => context.progress(bytes, target.size),
  });
  if (result.stopped) proc.close();
  const code = await withinTime(proc.exited, EXIT_WAIT_MS, () => proc.close());
  if (result.stopped === 'cancelled') throw new ApiError('cancelled', 'Download cancelled');
  if (result.stopped === 'sink-closed')
    throw new ApiError('storage-error', 'The receiving side closed early');
  if (code === null || !host.current())
    throw new ApiError('connection-lost', `The connection dropped after ${formatBytes(result.bytes)}`);
  if (code !== 0) throw new ApiError('virsh-error', virshMessage(said(), code));
  if (target.size !== undefined && result.bytes !== target.size)
    throw new ApiError(
      'storage-error',
      `Only ${formatBytes(result.bytes)} of ${formatBytes(target.size)} arrived`,
    );
  return result.bytes;
}

/** The last few KiB a stream said (virsh's error lines), never more. */
function collectText(...streams: Readable[]): () => string {
  let text = '';
  for (const stream of streams) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (text = (text + chunk).slice(-4096)));
  }
  return () => text;
}

function virshMessage(output: string, code: number): string {
  const errors = output
    .split('\n')
    .filter((l) => l.startsWith('error: '))
    .map((l) => l.slice('error: '.length).trim());
  return errors.join('\n') || output.trim() || `virsh failed (exit code ${code})`;
}

async function withinTime<T>(promise: Promise<T>, ms: number, onLate: () => void): Promise<T> {
  const timer = setTimeout(onLate, ms);
  try {
    return await promise;
  } finally {
    clearTimeout(timer);
  }
}
