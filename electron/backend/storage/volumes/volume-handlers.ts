import type { Handlers } from '../../api/dispatch';
import type { HostManager } from '../../hosts/host-manager';
import { startDownload } from './volume-download';
import type { VolumeOps } from './volume-ops';
import { listVolumes, volumeDetails } from './volume-reader';
import { startUpload, type TransferDeps } from './volume-upload';

type VolumeCall = Extract<keyof Handlers, `volumes/${string}`>;

/** The volumes/* calls. Requests arrive already validated; every check of content happens in the ops. */
export function volumeHandlers(
  hosts: HostManager,
  ops: VolumeOps,
  transfers: TransferDeps,
): Pick<Handlers, VolumeCall> {
  return {
    'volumes/list': ({ hostId, pool, refresh, sizes }) => {
      const session = hosts.session(hostId);
      return listVolumes(session.live(), pool, session.listDomains(), {
        refresh: refresh === true,
        sizes: sizes === true,
      });
    },
    'volumes/details': ({ hostId, pool, names, users }) => {
      const session = hosts.session(hostId);
      return volumeDetails(session.live(), pool, names, users === false ? undefined : session.listDomains());
    },
    'volumes/create': (req) => ops.create(hosts.session(req.hostId), req),
    'volumes/delete': (req) => ops.delete(hosts.session(req.hostId), req),
    'volumes/resize': (req) => ops.resize(hosts.session(req.hostId), req),
    'volumes/clone': (req) => ops.clone(hosts.session(req.hostId), req),
    'volumes/wipe': (req) => ops.wipe(hosts.session(req.hostId), req),
    'volumes/xml': (req) => ops.xml(hosts.session(req.hostId), req),
    'volumes/upload': (req) => startUpload(transfers, hosts.session(req.hostId), req),
    'volumes/download': (req) => startDownload(transfers, hosts.session(req.hostId), req),
  };
}
