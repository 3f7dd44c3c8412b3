import { ApiError } from '../../../shared/api/errors';
import { DomainState, domainStateByNumber, type DomainSummary } from '../../../shared/api/domains';
import { numberField, parseDomstats } from '../virsh/parse-domstats';
import { parseKeyValues, parseUuidNameList, parseUuidSet } from '../virsh/parse-list';
import type { VirshRunner } from '../virsh/virsh-runner';
import type { LibvirtReader } from '../libvirt-rpc/libvirt-reader';
import { DomainListFilter, type DomainEntry } from '../libvirt-rpc/remote-calls';
import { RpcCallError } from '../libvirt-rpc/rpc-connection';
import { readHostDevices } from './domain-host-devices';
import { summarizeDomainXml } from './domain-xml-summary';
import { isActive } from './edit/edit-base';
import { hasPendingChanges } from './edit/pending-marker';

/**
 * The quick first read: every domain's UUID, name, state and flags in five commands, whatever the
 * number of domains. The list paints from this before any XML is read.
 */
export async function readDomainList(virsh: VirshRunner): Promise<DomainSummary[]> {
  const [all, stats, autostart, managedSave, transient] = await Promise.all([
    virsh.run(['list', '--all', '--uuid', '--name']),
    virsh.run(['domstats', '--raw', '--state']),
    virsh.run(['list', '--all', '--autostart', '--uuid']),
    virsh.run(['list', '--all', '--with-managed-save', '--uuid']),
    virsh.run(['list', '--all', '--transient', '--uuid']),
  ]);
  const stateByName = new Map(
    parseDomstats(stats).map((r) => [r.name, domainStateByNumber[numberField(r.fields, 'state.state') ?? 0]]),
  );
  const autostartSet = parseUuidSet(autostart);
  const savedSet = parseUuidSet(managedSave);
  const transientSet = parseUuidSet(transient);
  return parseUuidNameList(all).map(({ uuid, name }) => ({
    uuid,
    name,
    state: stateByName.get(name) ?? 'no state',
    autostart: autostartSet.has(uuid),
    hasManagedSave: savedSet.has(uuid),
    persistent: !transientSet.has(uuid),
    detailsLoaded: false,
  }));
}

/**
 * The same quick list from the daemon reader: six list calls in flight at once (all, paused, other
 * states, autostart, managed save, transient), and each VM in an "other" state (shutting down,
 * crashed, suspended to RAM) asked for its exact state. Ordered as virsh lists: running by id, then
 * the rest by name.
 */
export async function readDomainListFromDaemon(reader: LibvirtReader): Promise<DomainSummary[]> {
  const [all, paused, other, autostart, managedSave, transient] = await Promise.all(
    [
      DomainListFilter.All,
      DomainListFilter.Paused,
      DomainListFilter.Other,
      DomainListFilter.Autostart,
      DomainListFilter.ManagedSave,
      DomainListFilter.Transient,
    ].map((filter) => reader.domains(filter)),
  );
  const uuids = (list: DomainEntry[]) => new Set(list.map((d) => d.uuid));
  const pausedSet = uuids(paused);
  const autostartSet = uuids(autostart);
  const savedSet = uuids(managedSave);
  const transientSet = uuids(transient);
  const otherState = new Map(
    await Promise.all(other.map(async (d) => [d.uuid, await reader.domainState(d).catch(() => 0)] as const)),
  );
  const stateOf = (d: DomainEntry): DomainSummary['state'] => {
    const exact = otherState.get(d.uuid);
    if (exact !== undefined) return domainStateByNumber[exact] ?? 'no state';
    if (pausedSet.has(d.uuid)) return 'paused';
    return d.id === -1 ? 'shut off' : 'running';
  };
  return [...all]
    .sort((a, b) =>
      a.id === -1 || b.id === -1
        ? (a.id === -1 ? 1 : 0) - (b.id === -1 ? 1 : 0) || a.name.localeCompare(b.name)
        : a.id - b.id,
    )
    .map((d) => ({
      uuid: d.uuid,
      name: d.name,
      state: stateOf(d),
      autostart: autostartSet.has(d.uuid),
      hasManagedSave: savedSet.has(d.uuid),
      persistent: !transientSet.has(d.uuid),
      detailsLoaded: false,
    }));
}

/** Where a domain's XML comes from: a virsh shell (`virshXml`) or the daemon reader (`LibvirtReader`). */
export interface DomainXmlSource {
  domainXml(domain: { uuid: string; name: string }, inactive: boolean): Promise<string>;
}

export const virshXml = (virsh: VirshRunner): DomainXmlSource => ({
  domainXml: (domain, inactive) =>
    virsh.run(['dumpxml', ...(inactive ? ['--inactive'] : []), '--domain', domain.uuid]),
});

/**
 * The daemon reader, with virsh behind it: a document the reader could not get because its
 * connection broke comes from virsh instead; libvirt's own refusal (the domain is gone) stands.
 */
export const readerXml = (reader: DomainXmlSource, fallback: DomainXmlSource): DomainXmlSource => ({
  domainXml: (domain, inactive) =>
    reader
      .domainXml(domain, inactive)
      .catch((error: unknown) =>
        error instanceof RpcCallError ? Promise.reject(error) : fallback.domainXml(domain, inactive),
      ),
});

/**
 * Adds what only the XML says (title, memory, vCPUs) to a summary; for a running persistent VM also
 * whether its definition differs from what runs (changes waiting for the next guest shutdown).
 */
export async function readDomainDetails(
  source: DomainXmlSource,
  base: DomainSummary,
): Promise<DomainSummary> {
  const active = base.persistent !== false && isActive(base);
  const [xml, inactive] = await Promise.all([
    source.domainXml(base, false),
    active ? source.domainXml(base, true).catch(() => undefined) : undefined,
  ]);
  const details = summarizeDomainXml(xml);
  const summary: DomainSummary = { ...base, detailsLoaded: true };
  // Always a boolean once the XML is read: the renderer merges upserts into the rows it has.
  summary.pendingChanges = inactive !== undefined && hasPendingChanges(inactive, xml);
  if (details.title !== undefined) summary.title = details.title;
  else delete summary.title;
  if (details.vcpus !== undefined) summary.vcpus = details.vcpus;
  if (details.memoryKiB !== undefined) summary.maxMemoryKiB = details.memoryKiB;
  const memory = details.currentMemoryKiB ?? details.memoryKiB;
  if (memory !== undefined) summary.memoryKiB = memory;
  summary.hostDevices = readHostDevices(xml);
  // "In use by" also counts the next boot's definition of a running VM (issue 13).
  if (inactive !== undefined) summary.definedHostDevices = readHostDevices(inactive);
  else delete summary.definedHostDevices;
  return summary;
}

/** Re-reads one domain after an event or an action; undefined when it no longer exists. */
export async function readOneDomain(virsh: VirshRunner, ref: string): Promise<DomainSummary | undefined> {
  let info: Map<string, string>;
  try {
    info = parseKeyValues(await virsh.run(['dominfo', '--domain', ref]));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'domain-not-found') return undefined;
    throw error;
  }
  const uuid = info.get('UUID')?.toLowerCase();
  const name = info.get('Name');
  if (!uuid || name === undefined) throw new ApiError('virsh-error', `Unexpected dominfo output for ${ref}`);
  const state = DomainState.safeParse(info.get('State'));
  const base: DomainSummary = {
    uuid,
    name,
    state: state.success ? state.data : 'no state',
    autostart: info.get('Autostart') === 'enable',
    persistent: info.get('Persistent') === 'yes',
    hasManagedSave: info.get('Managed save') === 'yes',
    detailsLoaded: false,
  };
  try {
    return await readDomainDetails(virshXml(virsh), base);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'domain-not-found') return undefined;
    throw error;
  }
}
