import { ApiError } from '../../../../shared/api/errors';
import {
  NETFS_FORMATS,
  PoolType,
  type PoolCapabilities,
  type PoolSource,
} from '../../../../shared/api/pools';
import { longRunner } from '../../hosts/host-session';
import type { LiveHost } from '../../hosts/host-connection';
import { parsePoolCapabilities, parsePoolSources } from './pool-host-xml';

/** When libvirt cannot say (the test driver): every type, libvirt refuses what it lacks. */
const UNKNOWN: PoolCapabilities = {
  known: false,
  types: PoolType.options.map((type) => ({
    type,
    supported: true,
    sourceFormats: type === 'netfs' ? [...NETFS_FORMATS] : [],
  })),
};

export async function readPoolCapabilities(host: LiveHost): Promise<PoolCapabilities> {
  try {
    return parsePoolCapabilities(await host.shell.run(['pool-capabilities']));
  } catch (error) {
    if (error instanceof ApiError && /not supported|unknown command/i.test(error.message)) return UNKNOWN;
    throw error;
  }
}

/** `find-storage-pool-sources-as` on its own channel (it may scan the network for a while). */
export async function findPoolSources(
  host: LiveHost,
  request: { type: string; host?: string | undefined; initiator?: string | undefined },
): Promise<PoolSource[]> {
  const argv = ['find-storage-pool-sources-as', '--type', request.type];
  if (request.host) argv.push('--host', request.host);
  if (request.initiator) argv.push('--initiator', request.initiator);
  return parsePoolSources(await longRunner(host).run(argv));
}

export async function readPoolXml(host: LiveHost, uuid: string): Promise<string> {
  return host.shell.run(['pool-dumpxml', '--pool', uuid]);
}
