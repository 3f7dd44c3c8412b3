import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallRequest, CallResponse } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/errors';
import { formatBytes, serializeVolumeXml } from '../../../../shared/xml';
import { buildNewVolume } from '../../../../shared/xml/build/new-volume';
import type { LiveHost } from '../../hosts/host-connection';
import type { HostSession } from '../../hosts/host-session';
import type { JobManager } from '../../jobs/job-manager';
import { putXml, XML_FILE } from '../../virsh/put-xml';
import type { OrphanVolumes } from './orphan-volumes';
import { removePartialVolume } from './remove-volume';
import type { TransferTickets } from './transfer-tickets';
import { checkFreeSpace, checkNameFree, checkVolumeName } from './volume-checks';
import { streamIntoVolume } from './volume-stream-job';

export interface TransferDeps {
  jobs: JobManager;
  tickets: TransferTickets;
  orphans: OrphanVolumes;
}

const CHUNK = 1024 * 1024;

/**
 * Upload as a job: every check first, then the volume is created at the file's exact size, then the
 * bytes stream in (from a local file, or from the page through `PUT /upload/<id>`). Any failure,
 * cancel or dropped connection deletes the half-written volume (after a drop: on the next connect).
 */
export async function startUpload(
  deps: TransferDeps,
  session: HostSession,
  req: CallRequest<'volumes/upload'>,
): Promise<CallResponse<'volumes/upload'>> {
  const host = session.live();
  checkVolumeName(req.name);
  if (req.source.kind === 'path') await checkLocalFile(req.source.path, req.size);
  await checkNameFree(host.shell, req.pool, req.name);
  await checkFreeSpace(host.shell, req.pool, req.size);
  const xml = serializeVolumeXml(
    buildNewVolume({ name: req.name, format: 'raw', capacityBytes: req.size, allocateNow: false }),
  );
  await putXml(host.transport, host.uri, ['vol-create', '--pool', req.pool, XML_FILE], xml);

  const arrival = req.source.kind === 'path' ? localSource(req.source.path) : pageSource(deps.tickets);
  const title = `Upload ${req.name} to ${req.pool}`;
  const { job } = deps.jobs.start({
    hostId: host.hostId,
    kind: 'volume-upload',
    title,
    phase: req.source.kind === 'page' ? 'Waiting for the file' : 'Uploading',
    cancellable: true,
    run: async (context) => {
      try {
        const source = await arrival.source(context.signal);
        context.progress(0, req.size, 'Uploading');
        await streamIntoVolume(host, { pool: req.pool, name: req.name, size: req.size }, source, context);
        arrival.settle({ ok: true });
        return { message: `Uploaded ${formatBytes(req.size)} into ${req.name}` };
      } catch (error) {
        const cleanup = await discard(deps, host, req.pool, req.name);
        const reason = error instanceof ApiError ? error : new ApiError('storage-error', String(error));
        arrival.settle({ ok: false, message: reason.message });
        throw new ApiError(reason.code, `${reason.message}. ${cleanup}`);
      }
    },
  });
  return { jobId: job.jobId, ...(arrival.uploadId ? { uploadId: arrival.uploadId } : {}) };
}

/** Deletes the half-written volume now, or on the next connect if the connection is gone. */
async function discard(deps: TransferDeps, host: LiveHost, pool: string, name: string): Promise<string> {
  if (!host.current()) {
    deps.orphans.add(host.hostId, { pool, name });
    return `The partial volume ${name} stays on the host until VirtDesk reconnects, then it is deleted`;
  }
  try {
    await removePartialVolume(host.shell, pool, name);
    return `The partial volume ${name} was deleted`;
  } catch (error) {
    return `The partial volume ${name} could not be deleted (${error instanceof Error ? error.message : String(error)}): delete it by hand`;
  }
}

interface Arrival {
  uploadId?: string;
  source(signal: AbortSignal): Promise<AsyncIterable<Buffer>>;
  settle(outcome: { ok: true } | { ok: false; message: string }): void;
}

async function checkLocalFile(path: string, size: number): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new ApiError('invalid-request', `${path} is not a readable file`);
  if (info.size !== size)
    throw new ApiError('invalid-request', `${path} has ${info.size} bytes, not the ${size} announced`);
}

function localSource(path: string): Arrival {
  return {
    source: async () => createReadStream(path, { highWaterMark: CHUNK }),
    settle: () => undefined,
  };
}

/** The bytes come with the page's `PUT /upload/<id>`; its response says how the upload ended. */
function pageSource(tickets: TransferTickets): Arrival {
  let deliver!: (req: IncomingMessage) => void;
  let lapse!: (error: ApiError) => void;
  const arrived = new Promise<IncomingMessage>((resolve, reject) => ((deliver = resolve), (lapse = reject)));
  arrived.catch(() => undefined);
  let respond: ((outcome: { ok: boolean; message?: string }) => void) | undefined;
  const uploadId = tickets.issue({
    kind: 'upload',
    handle: (req: IncomingMessage, res: ServerResponse) =>
      new Promise<void>((done) => {
        respond = (outcome) => {
          if (!res.writableEnded && !res.destroyed) {
            res.writeHead(outcome.ok ? 200 : 500, {
              'Content-Type': 'application/json',
              'Cache-Control': 'no-store',
            });
            res.end(JSON.stringify(outcome));
          }
          done();
        };
        res.on('close', () => done());
        deliver(req);
      }),
    expire: () => lapse(new ApiError('storage-error', 'The page did not send the file within a minute')),
  });
  return {
    uploadId,
    source: (signal) => {
      signal.addEventListener('abort', () => {
        tickets.revoke(uploadId);
        lapse(new ApiError('cancelled', 'Upload cancelled'));
      });
      return arrived;
    },
    settle: (outcome) => respond?.(outcome),
  };
}
