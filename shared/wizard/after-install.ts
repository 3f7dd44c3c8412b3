// "Customize before install" → "Begin installation": the person edited the defined install
// document; the install boot runs it as it is, and what stays defined is that same document without
// its install-phase parts — virt-install's final document, with the person's edits kept.
import type { DiskSource } from '../api/wizard';
import { parseDomainXml, serializeDomainXml } from '../xml/objects';
import { readOs, writeOs, type BootDevice } from '../xml/views/domain-os';
import { writeLifecycle } from '../xml/views/domain-tuning';
import { listDevices } from '../xml/views/devices/device-list';
import { readDeviceElement, updateDevice } from '../xml/views/devices/device-views';
import { setMetadata } from '../xml/views/domain-metadata';
import { INSTALL_NS } from './install-record';

/** What made the defined document an install document (recorded by the wizard at Finish). */
export interface InstallPhase {
  /** The boot order of the final document (`hd`, or `hd`+`network` without a disk). */
  finalBoot: BootDevice[];
  /** The install media in a CD-ROM drive, to eject. */
  media?: DiskSource | undefined;
}

/**
 * The document to define after the install boot: kernel boot and install boot order gone, media
 * ejected, a reboot restarts, and VirtDesk's install record gone from `<metadata>` (nothing waits).
 */
export function finalFromInstall(installXml: string, phase: InstallPhase): string {
  const doc = parseDomainXml(installXml);
  const os = readOs(doc);
  const perDeviceOrder = /<boot\s+order=/.test(installXml);
  const installOrder = os.boot?.[0]?.dev === 'cdrom' || os.boot?.[0]?.dev === 'network';
  writeOs(doc, {
    ...(os.kernel !== undefined ? { kernel: undefined, initrd: undefined, cmdline: undefined } : {}),
    ...(!perDeviceOrder && (os.kernel !== undefined || installOrder)
      ? { boot: phase.finalBoot.map((dev) => ({ dev })) }
      : {}),
  });
  const media = phase.media;
  if (media) {
    for (const disk of listDevices(doc, 'disk')) {
      const d = readDeviceElement('disk', disk.element);
      if (d.device !== 'cdrom') continue;
      const same =
        'path' in media
          ? d.sourceFile === media.path
          : d.sourcePool === media.pool && d.sourceVolume === media.volume;
      if (same)
        updateDevice(doc, 'disk', disk.key, {
          type: 'file',
          sourceFile: undefined,
          sourcePool: undefined,
          sourceVolume: undefined,
        });
    }
  }
  writeLifecycle(doc, { onReboot: 'restart' });
  setMetadata(doc, INSTALL_NS, undefined);
  return serializeDomainXml(doc);
}
