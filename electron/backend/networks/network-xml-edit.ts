// A network's definition edited as XML: well-formed first (line and column), the same network
// (name, UUID), a fresh base (refuse a stale one with what changed on the host), libvirt's schema,
// the diff, `net-define` through put-xml, then what the running network makes of it: nothing, the
// DHCP ranges and static hosts changed live with `net-update`, or a restart.
import type { EditProblem } from '../../../shared/api/domain-edit';
import { ApiError } from '../../../shared/api/errors';
import { check, checkEnglish, type CheckMessage } from '../../../shared/checks/check-message';
import type { NetworkEditEffect, NetworkEditResult } from '../../../shared/api/network-edit';
import type { NetworkSummary } from '../../../shared/api/networks';
import { diffXml, formatDiff } from '../../../shared/xml/diff';
import { documentRoot } from '../../../shared/xml/document';
import { XmlParseError } from '../../../shared/xml/errors';
import { findChild, getText } from '../../../shared/xml/node-ops';
import { parseNetworkXml } from '../../../shared/xml/objects';
import { planNetworkLiveEdit, type LiveUpdate } from '../../../shared/xml/views/network-live-edit';
import type { LiveHost } from '../hosts/host-connection';
import { putXmlOn, validateXmlOn, XML_FILE } from '../virsh/put-xml';
import type { NetworkCollection } from './network-collection';

export interface NetworkXmlEdit {
  baseXml: string;
  xml: string;
  preview: boolean;
}

/**
 * The saved definition, as the shell reads it (edit bases are always compared in this form).
 * libvirt 9.0's test driver refuses `--inactive` ("unsupported flags (0x1) in function
 * testNetworkGetXMLDesc"); there the one definition it prints is the base.
 */
export async function readNetworkBase(host: LiveHost, uuid: string): Promise<string> {
  try {
    return await host.shell.run(['net-dumpxml', '--inactive', '--network', uuid]);
  } catch (error) {
    if (!(error instanceof ApiError) || !/unsupported flags/.test(error.message)) throw error;
    return host.shell.run(['net-dumpxml', '--network', uuid]);
  }
}

const invalid = (problem: EditProblem): NetworkEditResult => ({ outcome: 'invalid', problems: [problem] });

/** Not network XML, or another network's: the problem, else undefined. */
function identityProblem(xml: string, network: NetworkSummary): EditProblem | undefined {
  let root;
  try {
    root = documentRoot(parseNetworkXml(xml));
  } catch (error) {
    if (error instanceof XmlParseError)
      return { field: 'xml', code: 'malformed', message: error.message, line: error.line, column: error.col };
    return { field: 'xml', code: 'malformed', message: (error as Error).message };
  }
  const name = findChild(root, 'name');
  const uuid = findChild(root, 'uuid');
  const refused = (code: string, problem: CheckMessage): EditProblem => ({
    field: 'xml',
    code,
    message: checkEnglish(problem),
    check: problem, // issue 15: shown in the window's language
  });
  if (!name || getText(name).trim() !== network.name)
    return refused('network-renamed', check('network.renamed', { name: network.name }));
  if (uuid && getText(uuid).trim().toLowerCase() !== network.uuid.toLowerCase())
    return refused('network-uuid', check('network.uuidChanged', { uuid: network.uuid }));
  return undefined;
}

/** The effect on the network as it runs now, before trying anything. */
function plannedEffect(network: NetworkSummary, base: string, next: string) {
  if (!network.active) return { effect: 'saved' as const, updates: [] };
  const plan = planNetworkLiveEdit(base, next);
  if (plan.kind === 'live') return { effect: 'live' as const, updates: plan.updates };
  return { effect: plan.kind, updates: [] };
}

/** `net-update --live` of each change (the saved config is already the new definition). */
async function applyLive(host: LiveHost, uuid: string, updates: readonly LiveUpdate[]): Promise<void> {
  for (const u of updates)
    await putXmlOn(
      host,
      [
        'net-update',
        '--network',
        uuid,
        '--command',
        u.command,
        '--section',
        u.section,
        '--xml',
        XML_FILE,
        '--parent-index',
        String(u.ipIndex),
        '--live',
      ],
      u.xml,
    );
}

export async function applyNetworkXmlEdit(
  host: LiveHost,
  networks: NetworkCollection,
  network: NetworkSummary,
  request: NetworkXmlEdit,
): Promise<NetworkEditResult> {
  const problem = identityProblem(request.xml, network);
  if (problem) return invalid(problem);
  const base = await readNetworkBase(host, network.uuid);
  if (base !== request.baseXml)
    return { outcome: 'stale', changes: formatDiff(diffXml(request.baseXml, base)), xml: base };
  const schema = await validateXmlOn(host, request.xml, 'network');
  if (schema) return invalid({ field: 'xml', code: 'schema', message: schema });
  const diff = formatDiff(diffXml(base, request.xml));
  const planned = plannedEffect(network, base, request.xml);
  if (request.preview) return { outcome: 'preview', diff, effect: planned.effect };
  if (request.xml !== base) {
    try {
      await putXmlOn(host, ['net-define', XML_FILE], request.xml);
    } catch (error) {
      if (error instanceof ApiError && error.code !== 'connection-lost')
        return invalid({ field: 'xml', code: 'libvirt', message: error.message });
      throw error;
    }
  }
  let effect: NetworkEditEffect = planned.effect;
  let message: string | undefined;
  if (planned.effect === 'live') {
    try {
      await applyLive(host, network.uuid, planned.updates);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code === 'connection-lost') throw error;
      effect = 'restart';
      message = error.message;
    }
  }
  await networks.refresh(host, network.uuid);
  const xml = await readNetworkBase(host, network.uuid);
  return { outcome: 'applied', diff, xml, effect, ...(message ? { message } : {}) };
}
