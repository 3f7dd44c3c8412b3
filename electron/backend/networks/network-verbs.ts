import { ApiError, refusal } from '../../../shared/api/errors';
import { networkActionTable } from '../../../shared/api/network-action-table';
import { networkConflict, networkSpecProblem } from '../../../shared/api/network-checks';
import type { NetworkSpec } from '../../../shared/api/network-spec';
import type { NetworkAction, NetworkSummary } from '../../../shared/api/networks';
import { newNetworkXml } from '../../../shared/xml/build/new-network';
import type { LiveHost } from '../hosts/host-connection';
import { putXmlOn, XML_FILE } from '../virsh/put-xml';
import type { NetworkCollection } from './network-collection';
import { readHostInterfaces } from './network-queries';
import { sriovProblem } from './network-sriov';

export type NetworkResult = { summary?: NetworkSummary; message: string };

const withSummary = (summary: NetworkSummary | undefined, message: string): NetworkResult =>
  summary ? { summary, message } : { message };

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Everything checkable before anything runs: the spec itself, the name, subnets, interfaces. */
async function refuseBadSpec(host: LiveHost, networks: NetworkCollection, spec: NetworkSpec): Promise<void> {
  const problem = networkSpecProblem(spec);
  if (problem) throw refusal(problem);
  const needsInterfaces =
    spec.kind === 'bridge' || spec.kind === 'macvtap' || spec.kind === 'sriov' || 'forwardDev' in spec;
  const interfaces = needsInterfaces
    ? await readHostInterfaces(host.shell).catch(() => undefined)
    : undefined;
  const conflict =
    networkConflict(spec, networks.list(), interfaces) ??
    (spec.kind === 'sriov' ? await sriovProblem(host.shell, spec.pf) : undefined);
  if (conflict) throw refusal(conflict);
}

/**
 * Defines a network from its spec (XML from the shared builder, through put-xml), then starts it
 * and marks it autostart as asked. A start that fails leaves the network defined and says so.
 */
export async function defineNetwork(
  host: LiveHost,
  networks: NetworkCollection,
  request: { spec: NetworkSpec; start: boolean; autostart: boolean },
): Promise<NetworkResult> {
  const { spec } = request;
  await refuseBadSpec(host, networks, spec);
  await putXmlOn(host, ['net-define', XML_FILE], newNetworkXml(spec));
  const defined = await networks.refresh(host, spec.name);
  const uuid = defined?.uuid ?? spec.name;
  const notes: string[] = [];
  if (request.start) {
    try {
      await host.shell.run(['net-start', '--network', uuid]);
    } catch (error) {
      notes.push(`It is defined but did not start: ${reason(error)}`);
    }
  }
  if (request.autostart) {
    try {
      await host.shell.run(['net-autostart', '--network', uuid]);
    } catch (error) {
      notes.push(`It does not start with the host: ${reason(error)}`);
    }
  }
  const summary = await networks.refresh(host, uuid);
  const done = request.start && notes.length === 0 ? 'defined and started' : 'defined';
  return withSummary(summary, [`Network “${spec.name}” ${done}.`, ...notes].join(' '));
}

/** Runs one action as the action table says; the network is addressed by UUID. */
export async function runNetworkAction(
  host: LiveHost,
  networks: NetworkCollection,
  network: NetworkSummary,
  action: NetworkAction,
): Promise<NetworkResult> {
  const row = networkActionTable[action];
  if (!row.allowed(network))
    throw new ApiError('invalid-request', `“${network.name}” cannot ${action} in its current state`);
  const ref = ['--network', network.uuid];
  if (action === 'undefine') {
    // virt-manager's Delete stops an active network first.
    if (network.active) await host.shell.run(['net-destroy', ...ref]);
    if (network.persistent) await host.shell.run(['net-undefine', ...ref]);
  } else await host.shell.run([row.verb, ...ref, ...(row.args ?? [])]);
  const summary = await networks.refresh(host, network.uuid);
  return withSummary(summary, `Network “${network.name}” ${row.done}`);
}
