import { ApiError } from '../../../shared/api/errors';
import type { NetworkSummary } from '../../../shared/api/networks';
import { parseKeyValues, parseUuidSet } from '../virsh/parse-list';
import type { VirshRunner } from '../virsh/virsh-runner';
import { summarizeNetworkXml } from './network-xml-summary';

/** libvirt's words for a network that is not there (any more). */
export function isNetworkGone(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    /network not found|failed to get network|no network with matching/i.test(error.message)
  );
}

/**
 * Every network in 4 + N pipelined commands: the UUID sets (all, inactive, autostart, transient),
 * then each network's XML (name, forward, bridge, addresses). Names never pass through a table
 * parse, so names with spaces survive.
 */
export async function readNetworks(virsh: VirshRunner): Promise<NetworkSummary[]> {
  const [all, inactive, autostart, transient] = (
    await Promise.all([
      virsh.run(['net-list', '--all', '--uuid']),
      virsh.run(['net-list', '--inactive', '--uuid']),
      virsh.run(['net-list', '--all', '--autostart', '--uuid']),
      virsh.run(['net-list', '--all', '--transient', '--uuid']),
    ])
  ).map(parseUuidSet) as [Set<string>, Set<string>, Set<string>, Set<string>];
  const read = await Promise.all(
    [...all].map((uuid) =>
      virsh.run(['net-dumpxml', '--network', uuid]).then(
        (xml) => ({ ...summarizeNetworkXml(xml), uuid }),
        (error: unknown) => {
          if (isNetworkGone(error)) return undefined;
          throw error;
        },
      ),
    ),
  );
  return read
    .filter((facts) => facts !== undefined)
    .map((facts) => ({
      ...facts,
      active: !inactive.has(facts.uuid),
      autostart: autostart.has(facts.uuid),
      persistent: !transient.has(facts.uuid),
    }));
}

/** One network by UUID or name (after an event or an action); undefined when it no longer exists. */
export async function readOneNetwork(virsh: VirshRunner, ref: string): Promise<NetworkSummary | undefined> {
  try {
    const [info, xml] = await Promise.all([
      virsh.run(['net-info', '--network', ref]),
      virsh.run(['net-dumpxml', '--network', ref]),
    ]);
    const fields = parseKeyValues(info);
    return {
      ...summarizeNetworkXml(xml),
      active: fields.get('Active') === 'yes',
      autostart: fields.get('Autostart') === 'yes',
      persistent: fields.get('Persistent') === 'yes',
    };
  } catch (error) {
    if (isNetworkGone(error)) return undefined;
    throw error;
  }
}
