// Remove a device through the one edit path: define without it, then `detach-device --live` on a
// running VM (checked: a guest that has not let go keeps the device until its next shutdown); a
// disk's volume is deleted afterwards when asked, by the same reader and deleter as Delete-with-storage.
import type { EditResult, FieldOutcome } from '../../../../shared/api/domain-edit';
import type { DomainDisk, VolumeDeletion } from '../../../../shared/api/domain-storage';
import type { DomainSummary } from '../../../../shared/api/domains';
import { ApiError } from '../../../../shared/api/errors';
import { stripLiveAliases } from '../../../../shared/domain-edit/live-keys';
import { diffXml, formatDiff } from '../../../../shared/xml/diff';
import { getAttr, findChild } from '../../../../shared/xml/node-ops';
import { parseDomainXml, serializeDomainXml } from '../../../../shared/xml/objects';
import { deviceXml, findDevice, removeDevice } from '../../../../shared/xml/views/devices/device-list';
import { putXmlOn, XML_FILE } from '../../virsh/put-xml';
import { deleteVolumes } from '../domain-disks';
import { currentBase } from '../edit/apply-edit';
import { isActive, readInactiveXml, readLiveXml } from '../edit/edit-base';
import type { LiveTarget } from '../edit/live-changes';

export interface RemoveRequest {
  baseXml: string;
  preview: boolean;
  key: string;
  deleteStorage: boolean;
}

const message = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

/** The device's key in the running guest's XML (runtime aliases dropped), if it is there. */
function liveDevice(liveXml: string, key: string) {
  const live = stripLiveAliases(parseDomainXml(liveXml));
  return findDevice(live, key) ? { doc: live, key } : undefined;
}

export async function removeDeviceFromDomain(
  host: LiveTarget,
  domain: DomainSummary,
  request: RemoveRequest,
  readDisks: () => Promise<DomainDisk[]>,
): Promise<{ result: EditResult; volumes: VolumeDeletion[] }> {
  const none: VolumeDeletion[] = [];
  const base = await currentBase(host, domain.uuid, request.baseXml);
  if ('outcome' in base) return { result: base, volumes: none };
  const doc = parseDomainXml(base.xml);
  const element = findDevice(doc, request.key);
  if (!element)
    return {
      result: {
        outcome: 'invalid',
        problems: [
          {
            field: `device:${request.key}`,
            code: 'not-found',
            message: `The VM has no device ${request.key}`,
          },
        ],
      },
      volumes: none,
    };
  const target = element.name === 'disk' ? findChild(element, 'target') : undefined;
  const diskTarget = target && getAttr(target, 'dev');
  // The disk's volume as Delete-with-storage sees it, read while the disk is still defined.
  const disk =
    request.deleteStorage && diskTarget
      ? (await readDisks()).find((d) => d.target === diskTarget)
      : undefined;
  removeDevice(doc, request.key);
  const next = serializeDomainXml(doc);
  const diff = formatDiff(diffXml(base.xml, next));
  if (request.preview) return { result: { outcome: 'preview', diff }, volumes: none };
  const field = `device:${request.key}`;
  const liveXml = isActive(domain) ? await readLiveXml(host.shell, domain.uuid) : undefined;
  await putXmlOn(host, ['define', XML_FILE], next, { onShell: true });
  const fields: FieldOutcome[] = [];
  const live = liveXml === undefined ? undefined : liveDevice(liveXml, request.key);
  if (liveXml === undefined || !live) fields.push({ field, applied: 'saved' });
  else {
    try {
      await putXmlOn(
        host,
        ['detach-device', '--domain', domain.uuid, XML_FILE, '--live'],
        deviceXml(live.doc, live.key),
        {
          onShell: true,
        },
      );
      const still = liveDevice(await readLiveXml(host.shell, domain.uuid), request.key);
      fields.push(
        still
          ? {
              field,
              applied: 'next-boot',
              message: 'The guest has not released the device yet; it goes at the next guest shutdown',
            }
          : { field, applied: 'live' },
      );
    } catch (error) {
      fields.push({ field, applied: 'next-boot', message: message(error) });
    }
  }
  // A volume still in the running guest is not deleted under it.
  const released = fields[0]?.applied !== 'next-boot';
  const volumes =
    disk?.path && released
      ? await deleteVolumes(host.shell, [disk], [disk.path])
      : disk?.path
        ? [
            {
              path: disk.path,
              ok: false,
              message: `${disk.path} is still in use by the running guest; left in place`,
            },
          ]
        : request.deleteStorage && element.name === 'disk'
          ? [
              {
                path: diskTarget ?? request.key,
                ok: false,
                message: 'This disk has no storage volume to delete',
              },
            ]
          : none;
  const xml = await readInactiveXml(host.shell, domain.uuid);
  return { result: { outcome: 'applied', diff, xml, fields }, volumes };
}
