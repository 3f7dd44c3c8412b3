// The live half of an edit on a running VM: what libvirt can change on a running guest is changed
// there too; everything else is reported as waiting for the next guest shutdown.
import type { EditChange, FieldOutcome } from '../../../../shared/api/domain-edit';
import { ApiError } from '../../../../shared/api/errors';
import { changedFields, applyChanges } from '../../../../shared/domain-edit/apply-changes';
import { stripLiveAliases } from '../../../../shared/domain-edit/live-keys';
import { liveRefusal } from '../../../../shared/domain-edit/live-refusals';
import { deviceXml } from '../../../../shared/xml/views/devices/device-list';
import { parseDomainXml } from '../../../../shared/xml/objects';
import { readMemory } from '../../../../shared/xml/views/domain-memory';
import { readVcpu } from '../../../../shared/xml/views/domain-cpu';
import { readGeneral } from '../../../../shared/xml/views/domain-general';
import type { XmlDocument } from '../../../../shared/xml/document';
import { putXmlOn, XML_FILE, type XmlTarget } from '../../virsh/put-xml';
import type { VirshRunner } from '../../virsh/virsh-runner';
import { applyLiveIotune, splitIotune } from './live-iotune';
import { applyLiveTuning, LIVE_TUNING_VIEWS } from './live-tuning';

export interface LiveTarget extends XmlTarget {
  /** A virsh that takes any argument (line breaks included): the host's own process per command. */
  apart: VirshRunner;
}

const message = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

/**
 * Tries each change on the running guest. `next` is the inactive document after the edit (the new
 * definition), `liveXml` the running guest's XML before it.
 */
export async function applyLive(
  host: LiveTarget,
  uuid: string,
  changes: readonly EditChange[],
  next: XmlDocument,
  liveXml: string,
): Promise<FieldOutcome[]> {
  const outcomes: FieldOutcome[] = [];
  const report = (fields: string[], applied: FieldOutcome['applied'], why?: string) =>
    fields.forEach((field) => outcomes.push({ field, applied, ...(why ? { message: why } : {}) }));
  const attempt = async (fields: string[], run: () => Promise<unknown>) => {
    try {
      await run();
      report(fields, 'live');
    } catch (error) {
      // Saved in the definition already; why not now, plainly when the reason is known (no cgroups).
      for (const field of fields) outcomes.push(liveRefusal(field, message(error)));
    }
  };
  const live = stripLiveAliases(parseDomainXml(liveXml));
  const deviceChanges = new Map<string, Extract<EditChange, { target: 'device' }>[]>();
  for (const change of changes) {
    if (change.target === 'device') {
      // A disk's throttles go through blkdeviotune; its other fields through update-device.
      const { iotune, rest } = splitIotune(change);
      if (iotune) await applyLiveIotune(host.shell, uuid, iotune, next, { attempt, report });
      if (rest) deviceChanges.set(change.key, [...(deviceChanges.get(change.key) ?? []), rest]);
      continue;
    }
    if (change.target !== 'domain') continue;
    const fields = changedFields(change);
    const has = (key: string) => Object.prototype.hasOwnProperty.call(change.patch, key);
    const only = (keys: string[]) => fields.filter((f) => !keys.some((k) => f === `${change.view}.${k}`));
    if (change.view === 'memory') {
      if (has('currentMemory')) {
        const kib = Math.round((readMemory(next).currentMemory ?? 0) / 1024);
        await attempt(['memory.currentMemory'], () =>
          host.shell.run(['setmem', '--domain', uuid, '--size', `${kib}KiB`, '--live']),
        );
      }
      report(only(['currentMemory']), 'next-boot');
    } else if (change.view === 'vcpu') {
      const wanted = readVcpu(next);
      const count = wanted.current ?? wanted.count;
      if ((has('current') || has('count')) && count !== undefined && count !== readVcpuCount(live)) {
        await attempt(has('current') ? ['vcpu.current'] : ['vcpu.count'], () =>
          host.shell.run(['setvcpus', '--domain', uuid, '--count', String(count), '--live']),
        );
        report(has('current') ? only(['current']) : only(['count']), 'next-boot');
      } else report(fields, 'next-boot');
    } else if (change.view === 'general') {
      const general = readGeneral(next);
      for (const key of ['title', 'description'] as const) {
        if (!has(key)) continue;
        const args = ['desc', '--domain', uuid, '--live', ...(key === 'title' ? ['--title'] : [])];
        await attempt([`general.${key}`], () => host.apart.run([...args, '--new-desc', general[key] ?? '']));
      }
      report(only(['title', 'description']), 'next-boot');
    } else if (LIVE_TUNING_VIEWS.has(change.view)) {
      // Performance tuning (issue 13)
      await applyLiveTuning(host.shell, uuid, change, next, live, { attempt, report });
    } else report(fields, 'next-boot');
  }
  for (const [key, list] of deviceChanges) {
    const fields = list.flatMap(changedFields);
    try {
      applyChanges(live, list);
    } catch (error) {
      report(fields, 'next-boot', message(error));
      continue;
    }
    await attempt(fields, () =>
      putXmlOn(host, ['update-device', '--domain', uuid, XML_FILE, '--live'], deviceXml(live, key), {
        onShell: true,
      }),
    );
  }
  return outcomes;
}

function readVcpuCount(doc: XmlDocument): number | undefined {
  const v = readVcpu(doc);
  return v.current ?? v.count;
}
