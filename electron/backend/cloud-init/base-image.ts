import type { CloudImageBase, CloudImageBaseInfo } from '../../../shared/api/cloud-init';
import { ApiError } from '../../../shared/api/errors';
import type { LiveHost } from '../hosts/host-connection';
import { readVolumeXml } from '../storage/volumes/volume-reader';
import { script, words } from '../virsh/quote';
import { runHostScript } from './host-command';

/**
 * The cloud image's path, format and virtual size. A volume (or a path inside a pool) is read from
 * libvirt; any other path on the host from its first bytes (a qcow2 header carries its virtual size,
 * a raw image is as large as its file). Only qcow2 and raw images are accepted.
 */
export async function inspectBase(host: LiveHost, base: CloudImageBase): Promise<CloudImageBaseInfo> {
  if (base.kind === 'path' && !base.path.startsWith('/'))
    throw new ApiError('invalid-request', `${base.path} is not an absolute path on the host`);
  const ref = base.kind === 'volume' ? base.name : base.path;
  const pool = base.kind === 'volume' ? base.pool : '';
  const settings = await readVolumeXml(host.shell, pool, ref).catch((error: unknown) => {
    if (base.kind === 'volume') throw error;
    return undefined; // a path outside every pool
  });
  if (settings?.path) {
    const format = checkedFormat(settings.format, settings.path);
    const owner =
      base.kind === 'volume' ? base.pool : (await host.shell.run(['vol-pool', settings.path])).trim();
    return {
      path: settings.path,
      format,
      capacity: settings.capacity ?? 0,
      ...(owner && settings.name ? { volume: { pool: owner, name: settings.name } } : {}),
    };
  }
  return sniffFile(host, ref);
}

function checkedFormat(format: string | undefined, path: string): 'qcow2' | 'raw' {
  if (format === 'qcow2' || format === 'raw') return format;
  throw new ApiError(
    'invalid-request',
    `${path} is ${format ? `a ${format} image` : 'of unknown format'}: a cloud image must be qcow2 or raw`,
  );
}

/** Reads the size and the first 32 bytes of a file on the host (as the connection's user). */
async function sniffFile(host: LiveHost, path: string): Promise<CloudImageBaseInfo> {
  const q = words([path]);
  const output = await runHostScript(
    host.transport,
    script`if [ ! -f ${q} ] || [ ! -r ${q} ]; then echo "not a readable file"; exit 3; fi; stat -L -c %s ${q} && head -c 32 ${q} | od -An -tx1 -v`,
    `Reading ${path}`,
  ).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (/not a readable file/.test(message))
      throw new ApiError(
        'invalid-request',
        `${path} is not a file this connection's user can read on the host`,
      );
    throw error;
  });
  const [sizeLine = '', ...hexLines] = output.trim().split('\n');
  const header = Buffer.from(hexLines.join('').replace(/\s+/g, ''), 'hex');
  const fileSize = Number(sizeLine);
  if (header.length >= 4 && header.toString('latin1', 0, 4) === 'QFI\xfb') {
    if (header.length < 32) throw new ApiError('invalid-request', `${path} has a cut-short qcow2 header`);
    return { path, format: 'qcow2', capacity: Number(header.readBigUInt64BE(24)) };
  }
  if (!Number.isSafeInteger(fileSize) || fileSize <= 0)
    throw new ApiError('invalid-request', `${path} is empty: not a disk image`);
  return { path, format: 'raw', capacity: fileSize };
}
