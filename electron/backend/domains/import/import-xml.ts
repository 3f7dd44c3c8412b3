// Import a VM from a domain XML document (issue 13): the document checked against what this host
// has (read once per check: capabilities, networks, pools, the disk paths, node devices only when
// it passes PCI devices), then defined through `define --validate` (the XML tab's define).
import type { ImportOptions, ImportResult } from '../../../../shared/api/domain-import';
import type { EditProblem } from '../../../../shared/api/domain-edit';
import {
  adaptToHost,
  applyIdentityOptions,
  checkImport,
  parseImport,
  pathsToCheck,
  summarizeImport,
  type HostGuest,
  type ImportHostFacts,
} from '../../../../shared/domain-import/import-document';
import { checkTuning } from '../../../../shared/domain-edit/tuning-checks';
import { documentRoot } from '../../../../shared/xml/document';
import { findChild, findChildren, getAttr, getText } from '../../../../shared/xml/node-ops';
import { serializeDomainXml } from '../../../../shared/xml/objects';
import { parseXml } from '../../../../shared/xml/parse';
import type { LiveHost } from '../../hosts/host-connection';
import { hostScript, words } from '../../virsh/quote';
import { runToEnd } from '../../virsh/one-off-process';
import { parseGuestArches } from '../../wizard/parse-capabilities';
import { defineValidated } from '../edit/apply-xml-edit';
import { readHostTopology } from '../edit/host-topology-reader';

/** What the import needs from the host's session besides the live connection. */
export interface ImportContext {
  host: LiveHost;
  domains: () => readonly { name: string; uuid: string }[];
  /** The host's PCI node device addresses (read only when the document passes PCI devices). */
  pciAddresses: () => Promise<ReadonlySet<string> | undefined>;
  /** Re-reads the new VM into the list. */
  refresh: (uuid: string) => Promise<void>;
}

/** Each path → whether it exists on the host, in one remote command (no virsh). */
async function existingPaths(host: LiveHost, paths: readonly string[]): Promise<Map<string, boolean>> {
  if (paths.length === 0) return new Map();
  const command = hostScript`for p in ${words(paths)}; do if [ -e "$p" ]; then echo y; else echo n; fi; done`;
  const { output, code } = await runToEnd(await host.transport.exec(command));
  const answers = output.split('\n');
  if (code !== 0 || answers.length < paths.length) return new Map();
  return new Map(paths.map((p, i) => [p, answers[i] === 'y']));
}

/** Each guest arch of `virsh capabilities` with its emulator. */
function hostGuests(capabilitiesXml: string): { guests: HostGuest[]; hostArch?: string | undefined } {
  const { hostArch, arches } = parseGuestArches(capabilitiesXml);
  const emulators = new Map<string, string>();
  for (const guest of findChildren(documentRoot(parseXml(capabilitiesXml, 'capabilities XML')), 'guest')) {
    const arch = findChild(guest, 'arch');
    const name = arch && getAttr(arch, 'name');
    const emulator = arch && findChild(arch, 'emulator');
    if (name && emulator && !emulators.has(name)) emulators.set(name, getText(emulator).trim());
  }
  return { hostArch, guests: arches.map((a) => ({ ...a, emulator: emulators.get(a.arch) })) };
}

/** `NAME` lines of `net-list --name` / `pool-list --name`. */
const names = (output: string) =>
  output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

async function activeMap(host: LiveHost, verb: 'net-list' | 'pool-list'): Promise<Map<string, boolean>> {
  const [all, active] = await Promise.all([
    host.shell.run([verb, '--all', '--name']).catch(() => ''),
    host.shell.run([verb, '--name']).catch(() => ''),
  ]);
  const up = new Set(names(active));
  return new Map(names(all).map((n) => [n, up.has(n)]));
}

const passesPci = (xml: string) => xml.includes('hostdev');

export async function importDomainXml(
  context: ImportContext,
  request: { xml: string; options: ImportOptions; define: boolean },
): Promise<ImportResult> {
  const parsed = parseImport(request.xml);
  if ('problem' in parsed)
    return { outcome: 'invalid', problems: [parsed.problem], warnings: [], changes: [] };
  const { doc } = parsed;
  const { host } = context;
  const changes = applyIdentityOptions(doc, request.options);
  const [caps, networks, pools, pciAddresses, topology] = await Promise.all([
    host.shell.run(['capabilities']).catch(() => undefined),
    activeMap(host, 'net-list'),
    activeMap(host, 'pool-list'),
    passesPci(request.xml) ? context.pciAddresses().catch(() => undefined) : undefined,
    readHostTopology(host),
  ]);
  const paths = await existingPaths(host, pathsToCheck(summarizeImport(doc), doc));
  const facts: ImportHostFacts = {
    domains: context.domains(),
    paths,
    networks,
    pools,
    pciAddresses,
    ...(caps ? hostGuests(caps) : { guests: [] }),
  };
  if (request.options.adaptToHost) changes.push(...adaptToHost(doc, facts));
  const { summary, problems, warnings } = checkImport(doc, facts);
  // The edit path's tuning checks: pins to CPUs, node sets, hugepage sizes this host lacks.
  problems.push(...checkTuning(doc, topology));
  const invalid = (more: EditProblem[] = []): ImportResult => ({
    outcome: 'invalid',
    summary,
    problems: [...problems, ...more],
    warnings,
    changes,
  });
  if (problems.length > 0) return invalid();
  if (!request.define) return { outcome: 'ready', summary, problems, warnings, changes };
  const xml = changes.length > 0 ? serializeDomainXml(doc) : request.xml;
  const refused = await defineValidated(host, xml);
  if (refused) return invalid([refused]);
  const uuid = (await host.shell.run(['domuuid', '--domain', summary.name])).trim().toLowerCase();
  await context.refresh(uuid);
  return { outcome: 'defined', summary, problems, warnings, changes, defined: { uuid, name: summary.name } };
}
