// The one edit path: re-read the inactive XML with secrets, refuse a stale base, apply typed changes
// through shared/xml's views (only the touched nodes change), check, preview or define, then the
// live half for a running VM.
import type { EditChange, EditResult, FieldOutcome } from '../../../../shared/api/domain-edit';
import type { DomainSummary } from '../../../../shared/api/domains';
import { applyChanges, changedFields, EditInputError } from '../../../../shared/domain-edit/apply-changes';
import { checkDomain, keysBefore } from '../../../../shared/domain-edit/edit-checks';
import { diffXml, formatDiff } from '../../../../shared/xml/diff';
import { parseDomainXml, serializeDomainXml } from '../../../../shared/xml/objects';
import { putXmlOn, XML_FILE } from '../../virsh/put-xml';
import { isActive, readInactiveXml, readLiveXml } from './edit-base';
import { applyLive, type LiveTarget } from './live-changes';
import { tuningProblemsOn } from './host-topology-reader';

export interface EditRequest {
  baseXml: string;
  preview: boolean;
  changes: readonly EditChange[];
}

/** The host's inactive XML now, or the "stale" answer when it is not the one the pane was opened with. */
export async function currentBase(
  host: LiveTarget,
  uuid: string,
  baseXml: string,
): Promise<{ xml: string } | Extract<EditResult, { outcome: 'stale' }>> {
  const xml = await readInactiveXml(host.shell, uuid);
  if (xml === baseXml) return { xml };
  return { outcome: 'stale', changes: formatDiff(diffXml(baseXml, xml)), xml };
}

const invalid = (field: string, code: string, message: string): EditResult => ({
  outcome: 'invalid',
  problems: [{ field, code, message }],
});

export async function applyEdit(
  host: LiveTarget,
  domain: DomainSummary,
  request: EditRequest,
): Promise<EditResult> {
  const { uuid } = domain;
  const base = await currentBase(host, uuid, request.baseXml);
  if ('outcome' in base) return base;
  const doc = parseDomainXml(base.xml);
  const keyOf = keysBefore(doc);
  try {
    applyChanges(doc, request.changes);
  } catch (error) {
    if (error instanceof EditInputError) return invalid(error.field, 'bad-value', error.message);
    throw error;
  }
  const problems = checkDomain(doc, {}, keyOf);
  // Performance tuning (issue 13): pins, node sets, page sizes, limits against this host.
  problems.push(...(await tuningProblemsOn(host, parseDomainXml(base.xml), doc)));
  if (problems.length > 0) return { outcome: 'invalid', problems };
  const active = isActive(domain);
  const rename = request.changes.find((c) => c.target === 'rename');
  if (rename && active)
    return invalid('rename', 'rename-running', 'A running VM cannot be renamed: shut it down first');
  const next = serializeDomainXml(doc);
  const diff = formatDiff(diffXml(base.xml, next));
  if (request.preview) return { outcome: 'preview', diff };
  // The running XML before the define: the live half changes that document's devices.
  const liveXml = active ? await readLiveXml(host.shell, uuid) : undefined;
  if (next !== base.xml) await putXmlOn(host, ['define', XML_FILE], next, { onShell: true });
  const fields: FieldOutcome[] = [];
  const xmlChanges = request.changes.filter((c) => c.target === 'domain' || c.target === 'device');
  if (liveXml !== undefined) fields.push(...(await applyLive(host, uuid, xmlChanges, doc, liveXml)));
  else
    for (const c of xmlChanges)
      for (const field of changedFields(c)) fields.push({ field, applied: 'saved' });
  for (const change of request.changes) {
    if (change.target === 'autostart') {
      await host.shell.run(['autostart', '--domain', uuid, ...(change.enabled ? [] : ['--disable'])]);
      fields.push({ field: 'autostart', applied: 'saved' });
    } else if (change.target === 'rename' && change.name !== domain.name) {
      await host.apart.run(['domrename', '--domain', uuid, '--new-name', change.name]);
      fields.push({ field: 'rename', applied: 'saved' });
    }
  }
  return { outcome: 'applied', diff, xml: await readInactiveXml(host.shell, uuid), fields };
}
