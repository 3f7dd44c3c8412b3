// The one edit path: re-read the inactive XML with secrets, refuse a stale base, apply typed changes
// through shared/xml's views (only the touched nodes change), check, preview or define, then the
// live half for a running VM.
import type { EditChange, EditResult, FieldOutcome } from '../../../../shared/api/domain-edit';
import type { DomainSummary } from '../../../../shared/api/domains';
import { ApiError } from '../../../../shared/api/errors';
import { applyChanges, changedFields, EditInputError } from '../../../../shared/domain-edit/apply-changes';
import { checkDomain, keysBefore } from '../../../../shared/domain-edit/edit-checks';
import { diffXml, formatDiff } from '../../../../shared/xml/diff';
import { parseDomainXml, serializeDomainXml } from '../../../../shared/xml/objects';
import { stageXml } from '../../virsh/put-xml';
import type { XmlDocument } from '../../../../shared/xml/document';
import { isActive, readInactiveXml, readLiveXml } from './edit-base';
import { readOs } from '../../../../shared/xml/views/domain-os';
import {
  capsQuery,
  firmwareRefusal,
  parseFirmwareOffer,
  type FirmwareOffer,
} from '../../../../shared/domain-edit/firmware';
import type { VirshRunner } from '../../virsh/virsh-runner';
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

const FIRMWARE_REFUSALS = {
  'firmware-no-ovmf': 'This host has no UEFI firmware (OVMF) for this machine type: install ovmf on the host',
  'firmware-no-secure': 'This host has no Secure Boot firmware for this machine type',
  'firmware-needs-q35': 'Secure Boot needs the Q35 chipset',
} as const;

/** The host's firmware for the VM described by `xml` (its virt type, arch, machine). */
async function readFirmwareOffer(shell: VirshRunner, xml: string): Promise<FirmwareOffer> {
  const q = capsQuery(parseDomainXml(xml));
  const argv = ['domcapabilities', '--virttype', q.virttype];
  if (q.arch) argv.push('--arch', q.arch);
  if (q.machine) argv.push('--machine', q.machine);
  // No answer (the test driver has none): nothing is offered, and UEFI is refused with the reason.
  return parseFirmwareOffer(await shell.run(argv).catch(() => ''));
}

const invalid = (field: string, code: string, message: string): EditResult => ({
  outcome: 'invalid',
  problems: [{ field, code, message }],
});

/** The edit built on `baseXml`: the XML to define and its diff, or the problems found. */
function buildEdit(
  domain: DomainSummary,
  baseXml: string,
  changes: readonly EditChange[],
): { next: string; diff: string; doc: XmlDocument } | EditResult {
  const doc = parseDomainXml(baseXml);
  const keyOf = keysBefore(doc);
  try {
    applyChanges(doc, changes);
  } catch (error) {
    if (error instanceof EditInputError) return invalid(error.field, 'bad-value', error.message);
    throw error;
  }
  const problems = checkDomain(doc, {}, keyOf);
  if (problems.length > 0) return { outcome: 'invalid', problems };
  if (changes.some((c) => c.target === 'rename') && isActive(domain))
    return invalid('rename', 'rename-running', 'A running VM cannot be renamed: shut it down first');
  if (changes.some((c) => c.target === 'firmware') && isActive(domain))
    return invalid('firmware', 'firmware-running', 'Shut the VM down to change its firmware');
  const next = serializeDomainXml(doc);
  return { next, diff: formatDiff(diffXml(baseXml, next)), doc };
}

/**
 * Apply in as few round trips as the host allows (each SSH channel start costs ~80–100 ms, a shell
 * command ~5–10 ms): the edit is built on the pane's base while the host's current XML (and the live
 * one) is read and the new XML is written to a temp file on a channel opened ahead of time; the two
 * bases are compared before anything is defined (a stale base is refused, its file dropped); then the
 * define and the read of the new base go to the shell together.
 */
export async function applyEdit(
  host: LiveTarget,
  domain: DomainSummary,
  request: EditRequest,
): Promise<EditResult> {
  const { uuid } = domain;
  const active = isActive(domain) && !request.preview;
  const firmware = request.changes.find((c) => c.target === 'firmware');
  const reads = Promise.all([
    readInactiveXml(host.shell, uuid),
    active ? readLiveXml(host.shell, uuid) : undefined,
    // What the host offers for this VM (OVMF builds), asked in the same round trip.
    firmware ? readFirmwareOffer(host.shell, request.baseXml) : undefined,
  ]);
  reads.catch(() => undefined);
  const built = buildEdit(domain, request.baseXml, request.changes);
  const ok = 'next' in built;
  // Performance tuning (issue 13): pins, node sets, page sizes, limits against this host (the host's
  // topology is read only when a tuning value changed), beside the reads.
  const tuning = ok ? tuningProblemsOn(host, parseDomainXml(request.baseXml), built.doc) : undefined;
  tuning?.catch(() => undefined);
  const staged =
    ok && !request.preview && built.next !== request.baseXml ? stageXml(host, built.next) : undefined;
  staged?.catch(() => undefined);
  const drop = () => void staged?.then((file) => file.release()).catch(() => undefined);
  let current: string;
  let liveXml: string | undefined;
  let offer: FirmwareOffer | undefined;
  try {
    [current, liveXml, offer] = await reads;
  } catch (error) {
    drop();
    throw error;
  }
  if (current !== request.baseXml) {
    drop();
    return { outcome: 'stale', changes: formatDiff(diffXml(request.baseXml, current)), xml: current };
  }
  if (!ok) {
    drop();
    return built;
  }
  const { diff, doc } = built;
  const tuningProblems = (await tuning) ?? [];
  if (tuningProblems.length > 0) {
    drop();
    return { outcome: 'invalid', problems: tuningProblems };
  }
  if (firmware?.target === 'firmware' && offer) {
    const refusal = firmwareRefusal(firmware.firmware, offer, readOs(doc).machine);
    if (refusal) {
      drop();
      return invalid('firmware', refusal, FIRMWARE_REFUSALS[refusal]);
    }
  }
  if (request.preview) return { outcome: 'preview', diff };
  const renaming = request.changes.some((c) => c.target === 'rename' && c.name !== domain.name);
  let after: Promise<string> | undefined;
  if (staged) {
    const file = await staged;
    try {
      const defined = host.shell.run(['define', file.path]);
      // Pipelined behind the define (its reply comes after the define's): the new base.
      if (!renaming) after = readInactiveXml(host.shell, uuid);
      after?.catch(() => undefined);
      await defined;
    } catch (error) {
      // libvirt refused the result ("UEFI requires ACPI", …): its words, nothing defined.
      if (error instanceof ApiError && error.code !== 'connection-lost')
        return invalid(
          'define',
          'libvirt',
          error.message.replace(/^Failed to define domain from \S+\s*/, ''),
        );
      throw error;
    } finally {
      file.release();
    }
  }
  const fields: FieldOutcome[] = [];
  const xmlChanges = request.changes.filter((c) => c.target === 'domain' || c.target === 'device');
  if (liveXml !== undefined) fields.push(...(await applyLive(host, uuid, xmlChanges, doc, liveXml)));
  else
    for (const c of xmlChanges)
      for (const field of changedFields(c)) fields.push({ field, applied: 'saved' });
  if (firmware) fields.push({ field: 'firmware', applied: 'saved' });
  for (const change of request.changes) {
    if (change.target === 'autostart') {
      await host.shell.run(['autostart', '--domain', uuid, ...(change.enabled ? [] : ['--disable'])]);
      fields.push({ field: 'autostart', applied: 'saved' });
    } else if (change.target === 'rename' && change.name !== domain.name) {
      await host.apart.run(['domrename', '--domain', uuid, '--new-name', change.name]);
      fields.push({ field: 'rename', applied: 'saved' });
    }
  }
  return { outcome: 'applied', diff, xml: await (after ?? readInactiveXml(host.shell, uuid)), fields };
}
