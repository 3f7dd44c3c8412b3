// Add Hardware through the one edit path: re-read the base (stale refused), add the devices through
// the typed views, check (what each kind needs, one-only devices, host devices against the node-device
// list, the domain checks, libvirt's schema), preview or create the new volume and define, then
// `attach-device --live` on a running VM; what libvirt refuses live waits for the next boot.
import type { EditProblem, EditResult, FieldOutcome } from '../../../../shared/api/domain-edit';
import type { NewDiskVolume, NewHardware } from '../../../../shared/api/domain-hardware';
import type { DomainSummary } from '../../../../shared/api/domains';
import { ApiError } from '../../../../shared/api/errors';
import { EditInputError } from '../../../../shared/domain-edit/apply-changes';
import { checkDomain, keysBefore } from '../../../../shared/domain-edit/edit-checks';
import {
  addHardware,
  newDeviceProblems,
  singleInstanceProblem,
} from '../../../../shared/domain-edit/hardware/add-hardware';
import {
  assignedPciAddresses,
  checkPciAssignment,
  type HostDeviceFacts,
} from '../../../../shared/domain-edit/hardware/host-device-checks';
import { diffXml, formatDiff } from '../../../../shared/xml/diff';
import { documentRoot } from '../../../../shared/xml/document';
import {
  parseDomainXml,
  parsePoolXml,
  serializeDomainXml,
  serializeVolumeXml,
} from '../../../../shared/xml/objects';
import { getAttr, getText } from '../../../../shared/xml/node-ops';
import { resolve } from '../../../../shared/xml/view-path';
import { buildNewVolume } from '../../../../shared/xml/build/new-volume';
import { deviceXml, listDevices } from '../../../../shared/xml/views/devices/device-list';
import { ELEMENT_OF } from '../../../../shared/domain-edit/hardware/hardware-kinds';
import { putXmlOn, validateXmlOn, XML_FILE } from '../../virsh/put-xml';
import { checkNameFree, checkVolumeName } from '../../storage/volumes/volume-checks';
import { currentBase } from '../edit/apply-edit';
import { isActive, readInactiveXml } from '../edit/edit-base';
import type { LiveTarget } from '../edit/live-changes';

export interface AddRequest {
  baseXml: string;
  preview: boolean;
  devices: readonly NewHardware[];
  newVolume?: NewDiskVolume | undefined;
}

const invalid = (problems: EditProblem[]): EditResult => ({ outcome: 'invalid', problems });
const message = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

/** The path a new volume will have: the pool's target directory and its name. */
async function newVolumePath(host: LiveTarget, volume: NewDiskVolume): Promise<string> {
  checkVolumeName(volume.name);
  const root = documentRoot(parsePoolXml(await host.shell.run(['pool-dumpxml', volume.pool])));
  const type = getAttr(root, 'type');
  if (type !== 'dir' && type !== 'fs' && type !== 'netfs')
    throw new ApiError(
      'invalid-request',
      `Pool ${volume.pool} is a ${type ?? 'unknown'} pool: choose an existing volume of it instead`,
    );
  const dir = resolve(root, 'target/path');
  const path = dir ? getText(dir).trim() : '';
  if (!path) throw new ApiError('invalid-request', `Pool ${volume.pool} has no target directory`);
  return `${path.replace(/\/$/, '')}/${volume.name}`;
}

export async function addDevices(
  host: LiveTarget,
  domain: DomainSummary,
  request: AddRequest,
  hostDeviceFacts: () => Promise<HostDeviceFacts>,
): Promise<EditResult> {
  const base = await currentBase(host, domain.uuid, request.baseXml);
  if ('outcome' in base) return base;
  const doc = parseDomainXml(base.xml);
  const keyOf = keysBefore(doc);
  const devices = [...request.devices];
  if (request.newVolume) {
    const disk = devices.findIndex((d) => d.kind === 'storage');
    if (disk < 0) return invalid([{ field: 'new', code: 'bad-value', message: 'A new volume needs a disk' }]);
    await checkNameFree(host.shell, request.newVolume.pool, request.newVolume.name);
    const path = await newVolumePath(host, request.newVolume);
    const hw = devices[disk]!;
    devices[disk] = {
      ...hw,
      settings: { ...hw.settings, type: 'file', sourceFile: path, format: request.newVolume.format },
    };
  }
  const problems = devices.flatMap((hw) => {
    const single = singleInstanceProblem(doc, hw);
    return [...newDeviceProblems(hw), ...(single ? [single] : [])];
  });
  if (problems.length > 0) return invalid(problems);
  const keys: string[] = [];
  try {
    for (const hw of devices) keys.push(addHardware(doc, hw));
  } catch (error) {
    if (error instanceof EditInputError)
      return invalid([{ field: error.field, code: 'bad-value', message: error.message }]);
    throw error;
  }
  const pci = devices.flatMap((hw) => {
    const address = hw.settings['sourcePci'];
    const hostdevNic = hw.kind === 'network' && hw.settings['type'] === 'hostdev';
    if (typeof address !== 'string' || !(hw.kind === 'pci-host' || hostdevNic)) return [];
    return [{ address, managed: hw.settings['managed'] !== false, field: 'new.sourcePci' }];
  });
  if (pci.length > 0) {
    const check = checkPciAssignment(pci, assignedPciAddresses(doc), await hostDeviceFacts());
    if (check.problems.length > 0) return invalid(check.problems);
  }
  const domainProblems = checkDomain(doc, {}, keyOf);
  if (domainProblems.length > 0) return invalid(domainProblems);
  const next = serializeDomainXml(doc);
  const schema = await validateXmlOn(host, next, 'domain');
  if (schema) return invalid([{ field: 'new', code: 'schema', message: schema }]);
  const diff = formatDiff(diffXml(base.xml, next));
  if (request.preview) return { outcome: 'preview', diff };
  const created = request.newVolume ? await createVolume(host, request.newVolume) : undefined;
  try {
    await putXmlOn(host, ['define', XML_FILE], next, { onShell: true });
  } catch (error) {
    if (created) await host.shell.run(['vol-delete', '--pool', created.pool, created.name]).catch(() => '');
    if (error instanceof ApiError)
      return invalid([{ field: 'new', code: 'libvirt', message: error.message }]);
    throw error;
  }
  const xml = await readInactiveXml(host.shell, domain.uuid);
  // libvirt fills in what identifies some devices (a serial's port, a controller's index): name each
  // new device as the stored definition does.
  const stored = storedKeys(base.xml, xml, keys, devices);
  const fields: FieldOutcome[] = [];
  for (const [i, key] of keys.entries()) {
    const field = `device:${stored[i] ?? key}`;
    if (!isActive(domain)) {
      fields.push({ field, applied: 'saved' });
      continue;
    }
    try {
      await putXmlOn(
        host,
        ['attach-device', '--domain', domain.uuid, XML_FILE, '--live'],
        deviceXml(doc, key),
        {
          onShell: true,
        },
      );
      fields.push({ field, applied: 'live' });
    } catch (error) {
      fields.push({ field, applied: 'next-boot', message: message(error) });
    }
  }
  return { outcome: 'applied', diff, xml, fields };
}

async function createVolume(host: LiveTarget, volume: NewDiskVolume): Promise<NewDiskVolume> {
  const xml = serializeVolumeXml(
    buildNewVolume({
      name: volume.name,
      format: volume.format,
      capacityBytes: volume.capacityBytes,
      allocateNow: false,
    }),
  );
  await putXmlOn(host, ['vol-create', '--pool', volume.pool, XML_FILE], xml, { onShell: true });
  return volume;
}

/** The keys the new devices have in the stored definition: the keys it has that the base had not, by kind. */
export function storedKeys(
  baseXml: string,
  storedXml: string,
  keys: readonly string[],
  devices: readonly NewHardware[],
): (string | undefined)[] {
  const before = new Set(listDevices(parseDomainXml(baseXml)).map((d) => d.key));
  const fresh = listDevices(parseDomainXml(storedXml)).filter((d) => !before.has(d.key));
  return devices.map((hw, i) => {
    if (fresh.some((d) => d.key === keys[i])) return keys[i];
    const at = fresh.findIndex((d) => d.kind === ELEMENT_OF[hw.kind] && !keys.includes(d.key));
    return at < 0 ? undefined : fresh.splice(at, 1)[0]!.key;
  });
}
