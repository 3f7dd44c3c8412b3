// The host's CPUs, NUMA cells and page sizes for the tuning checks: `virsh capabilities` (and
// `nodeinfo` when the capabilities list no cells), read as the host overview reads them.
import { topologyOf, type HostTopology } from '../../../../shared/domain-edit/host-topology';
import { tuningProblemsOfEdit, tuningSnapshot } from '../../../../shared/domain-edit/tuning-checks';
import type { EditProblem } from '../../../../shared/api/domain-edit';
import type { XmlDocument } from '../../../../shared/xml/document';
import { capabilitiesCpu } from '../../hosts/overview/read-overview';
import { parseKeyValues } from '../../virsh/parse-list';
import type { XmlTarget } from '../../virsh/put-xml';

export async function readHostTopology(host: Pick<XmlTarget, 'shell' | 'uri'>): Promise<HostTopology> {
  const [caps, nodeinfo] = await Promise.all([
    host.shell.run(['capabilities']).catch(() => ''),
    host.shell.run(['nodeinfo']).catch(() => ''),
  ]);
  const cpus = Number.parseInt(parseKeyValues(nodeinfo).get('CPU(s)') ?? '', 10);
  return topologyOf({
    numaCells: capabilitiesCpu(caps).cells,
    uri: host.uri,
    ...(Number.isFinite(cpus) ? { cpus } : {}),
  });
}

/** The tuning problems an edit brings on this host; the host is read only when the tuning changed. */
export async function tuningProblemsOn(
  host: Pick<XmlTarget, 'shell' | 'uri'>,
  before: XmlDocument,
  after: XmlDocument,
): Promise<EditProblem[]> {
  if (tuningSnapshot(before) === tuningSnapshot(after)) return [];
  return tuningProblemsOfEdit(before, after, await readHostTopology(host));
}
