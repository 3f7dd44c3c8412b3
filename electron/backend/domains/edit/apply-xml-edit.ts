// The XML editor's path: the same stale check and define, with the user's text checked first
// (well-formed, then libvirt's schema and define together: `define --validate`; a preview asks
// virt-xml-validate on the host, when it has one).
import type { EditProblem, EditResult, FieldOutcome } from '../../../../shared/api/domain-edit';
import type { DomainSummary } from '../../../../shared/api/domains';
import { ApiError } from '../../../../shared/api/errors';
import { pendingChanges } from '../../../../shared/domain-edit/pending-changes';
import { diffXml, formatDiff } from '../../../../shared/xml/diff';
import { XmlParseError } from '../../../../shared/xml/errors';
import { parseDomainXml, serializeDomainXml } from '../../../../shared/xml/objects';
import { parseDeviceXml, replaceDeviceXml } from '../../../../shared/xml/views/devices/device-list';
import { stageXml, validateXmlOn } from '../../virsh/put-xml';
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
  const diff = formatDiff(diffXml(base.xml, next));
  if (request.preview) {
    // Nothing is defined for a preview: libvirt's schema through virt-xml-validate on the host.
    const schema = await validateXmlOn(host, next, 'domain');
    if (schema) return { outcome: 'invalid', problems: [{ field: 'xml', code: 'schema', message: schema }] };
    return { outcome: 'preview', diff };
  }
  // Apply: `define --validate` checks libvirt's own schema in the daemon and defines in one shell
  // command (no virt-xml-validate channel: ~80–150 ms here).
  if (next !== base.xml) {
    const refused = await defineValidated(host, next);
    if (refused) return { outcome: 'invalid', problems: [refused] };
  }
  const [xml, live] = await Promise.all([
    readInactiveXml(host.shell, uuid),
    isActive(domain) ? readLiveXml(host.shell, uuid) : undefined,
  ]);
  const fields: FieldOutcome[] =
    live === undefined
      ? []
      : pendingChanges(parseDomainXml(xml), parseDomainXml(live)).map((field) => ({
          field,
          applied: 'next-boot',
        }));
  return { outcome: 'applied', diff, xml, fields };
}

const SCHEMA_REFUSAL = /failed to validate against schema/i;
/** libvirt without its schema files on the host: define without --validate. */
const NO_SCHEMA = /unable to (find|load|open|parse).*(\.rng|schema)/i;

/**
 * Defines `xml` with libvirt's schema check; the problem to show when libvirt refuses it. The XML
 * tab's Apply and Import from XML both define through here.
 */
export async function defineValidated(
  host: Pick<LiveTarget, 'transport' | 'shell'>,
  xml: string,
): Promise<EditProblem | undefined> {
  const file = await stageXml(host, xml);
  try {
    try {
      await host.shell.run(['define', '--validate', file.path]);
    } catch (error) {
      if (
        !(error instanceof ApiError) ||
        !NO_SCHEMA.test(error.message) ||
        SCHEMA_REFUSAL.test(error.message)
      )
        throw error;
      await host.shell.run(['define', file.path]);
    }
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code === 'connection-lost') throw error;
    const code = SCHEMA_REFUSAL.test(error.message) ? 'schema' : 'libvirt';
    return { field: 'xml', code, message: error.message };
  } finally {
    file.release();
  }
}
