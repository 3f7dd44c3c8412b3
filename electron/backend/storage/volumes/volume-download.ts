import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { basename, dirname, join } from 'node:path';
import type { CallRequest, CallResponse } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/errors';
import { formatBytes } from '../../../../shared/xml/units';
import type { LiveHost } from '../../hosts/host-connection';
import type { HostSession } from '../../hosts/host-session';
import type { JobContext } from '../../jobs/job-manager';
import type { TransferDeps } from './volume-upload';
import { readVolumeXml } from './volume-reader';
import { streamOutOfVolume } from './volume-stream-job';

/**
 * Download as a job. To a local path: written to a hidden temp file beside it, renamed into place
 * only when complete, removed on any failure. To the page: the job starts when the page fetches
 * `GET /download/<id>`; a failure breaks the response, so the browser marks the download failed.
 */
export async function startDownload(
  deps: TransferDeps,
  session: HostSession,
  req: CallRequest<'volumes/download'>,
): Promise<CallResponse<'volumes/download'>> {
  const host = session.live();
  const volume = await readVolumeXml(host.shell, req.pool, req.name);
  const size = volume.physical;
  const target = { pool: req.pool, name: req.name, ...(size !== undefined ? { size } : {}) };
  const title = `Download ${req.name} from ${req.pool}`;
  if (req.target.kind === 'path') {
    const path = req.target.path;
    const dir = await stat(dirname(path)).catch(() => undefined);
    if (!dir?.isDirectory()) throw new ApiError('invalid-request', `${dirname(path)} is not a folder`);
    const { job } = deps.jobs.start({
      hostId: host.hostId,
      kind: 'volume-download',
      title,
      phase: 'Downloading',
      cancellable: true,
      run: (context) => downloadToFile(host, target, path, context),
    });
    return { jobId: job.jobId };
  }
  const downloadId = deps.tickets.issue({
    kind: 'download',
    expire: () => undefined,
    handle: async (_req, res) => {
      await deps.jobs
        .start({
          hostId: host.hostId,
          kind: 'volume-download',
          title,
          phase: 'Downloading',
          cancellable: true,
          run: (context) => downloadToPage(host, target, res, context),
        })
        .finished.catch(() => undefined);
    },
  });
  return { downloadId };
}

async function downloadToFile(
  host: LiveHost,
  target: { pool: string; name: string; size?: number },
  path: string,
  context: JobContext,
): Promise<{ message: string }> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`);
  const sink = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
  const gone = once(sink, 'close').catch(() => undefined);
  try {
    const bytes = await streamOutOfVolume(host, target, sink, gone, context);
    sink.end();
    await once(sink, 'finish');
    await rename(temp, path);
    return { message: `Downloaded ${formatBytes(bytes)} to ${path}` };
  } catch (error) {
    sink.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

async function downloadToPage(
  host: LiveHost,
  target: { pool: string; name: string; size?: number },
  res: ServerResponse,
  context: JobContext,
): Promise<{ message: string }> {
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(target.name)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(target.size !== undefined ? { 'Content-Length': String(target.size) } : {}),
  });
  const gone = once(res, 'close');
  try {
    const bytes = await streamOutOfVolume(host, target, res, gone, context);
    res.end();
    return { message: `Downloaded ${formatBytes(bytes)}` };
  } catch (error) {
    res.destroy();
    throw error;
  }
}
