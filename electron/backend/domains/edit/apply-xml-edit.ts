// The XML editor's path: the same stale check and define, with the user's text checked first
// (well-formed, then libvirt's schema when the host has virt-xml-validate, then libvirt's define).
import type { EditResult, FieldOutcome } from '../../../../shared/api/domain-edit';
import type { DomainSummary } from '../../../../shared/api/domains';
import { ApiError } from '../../../../shared/api/errors';
import { pendingChanges } from '../../../../shared/domain-edit/pending-changes';
import { diffXml, formatDiff } from '../../../../shared/xml/diff';
import { XmlParseError } from '../../../../shared/xml/errors';
import { parseDomainXml, serializeDomainXml } from '../../../../shared/xml/objects';
import { parseDeviceXml, replaceDeviceXml } from '../../../../shared/xml/views/devices/device-list';
import { putXmlOn, validateXmlOn, XML_FILE } from '../../virsh/put-xml';
import { currentBase } from './apply-edit';
import { isActive, readInactiveXml, readLiveXml } from './edit-base';
import type { LiveTarget } from './live-changes';
import { tuningProblemsOn } from './host-topology-reader';

export interface XmlEditRequest {
  baseXml: string;
  preview: boolean;
  xml: string;
  deviceKey?: string | undefined;
}

function malformed(error: unknown): EditResult {
  if (error instanceof XmlParseError)
    return {
      outcome: 'invalid',
      problems: [
        { field: 'xml', code: 'malformed', message: error.message, line: error.line, column: error.col },
      ],
    };
  return {
    outcome: 'invalid',
    problems: [{ field: 'xml', code: 'malformed', message: (error as Error).message }],
  };
}

export async function applyXmlEdit(
  host: LiveTarget,
  domain: DomainSummary,
  request: XmlEditRequest,
): Promise<EditResult> {
  const { uuid } = domain;
  // Well-formed before anything else (the editor marks the line).
  try {
    if (request.deviceKey) parseDeviceXml(request.xml);
    else parseDomainXml(request.xml);
  } catch (error) {
    return malformed(error);
  }
  const base = await currentBase(host, uuid, request.baseXml);
  if ('outcome' in base) return base;
  let next = request.xml;
  if (request.deviceKey) {
    const doc = parseDomainXml(base.xml);
    try {
      replaceDeviceXml(doc, request.deviceKey, request.xml);
    } catch (error) {
      return malformed(error);
    }
    next = serializeDomainXml(doc);
  }
  // Performance tuning (issue 13): the same checks as a pane's, for what the XML changed.
  const tuning = await tuningProblemsOn(host, parseDomainXml(base.xml), parseDomainXml(next));
  if (tuning.length > 0) return { outcome: 'invalid', problems: tuning };
  const schema = await validateXmlOn(host, next, 'domain');
  if (schema) return { outcome: 'invalid', problems: [{ field: 'xml', code: 'schema', message: schema }] };
  const diff = formatDiff(diffXml(base.xml, next));
  if (request.preview) return { outcome: 'preview', diff };
  try {
    if (next !== base.xml) await putXmlOn(host, ['define', XML_FILE], next, { onShell: true });
  } catch (error) {
    if (error instanceof ApiError && error.code !== 'connection-lost')
      return { outcome: 'invalid', problems: [{ field: 'xml', code: 'libvirt', message: error.message }] };
    throw error;
  }
  const xml = await readInactiveXml(host.shell, uuid);
  let fields: FieldOutcome[] = [];
  if (isActive(domain)) {
    const live = await readLiveXml(host.shell, uuid);
    fields = pendingChanges(parseDomainXml(xml), parseDomainXml(live)).map((field) => ({
      field,
      applied: 'next-boot',
    }));
  }
  return { outcome: 'applied', diff, xml, fields };
}
