// BIOS ↔ UEFI ↔ UEFI with Secure Boot, the way virt-manager's Overview offers it before the first
// install, written for libvirt's firmware autoselection: `<os firmware='efi'>` with the wanted
// `secure-boot` / `enrolled-keys` features, no fixed `<loader>`/`<nvram>` paths (libvirt picks the
// host's OVMF build and makes the VM's variables file when it starts). UEFI needs ACPI, Secure Boot
// also SMM.
import { documentRoot, type XmlDocument } from '../xml/document';
import { writeFields } from '../xml/views/fields';
import { readGeneral } from '../xml/views/domain-general';
import { featureFields } from '../xml/views/domain-features';
import { readOs, writeOs } from '../xml/views/domain-os';

export type FirmwareChoice = 'bios' | 'efi' | 'efi-secure';

const SMM = { smm: featureFields.smm };
const ACPI = { acpi: featureFields.acpi };

export function readFirmware(doc: XmlDocument): FirmwareChoice {
  const os = readOs(doc);
  const efi = os.firmware === 'efi' || os.loaderType === 'pflash' || /ovmf|edk2|aavmf/i.test(os.loader ?? '');
  if (!efi) return 'bios';
  const secure =
    os.loaderSecure === true ||
    (os.firmwareFeatures ?? []).some((f) => f.name === 'secure-boot' && f.enabled === true) ||
    /secboot|\.ms\.fd/i.test(os.loader ?? '');
  return secure ? 'efi-secure' : 'efi';
}

export function writeFirmware(doc: XmlDocument, choice: FirmwareChoice): void {
  const fixedPaths = {
    loader: undefined,
    loaderReadonly: undefined,
    loaderType: undefined,
    loaderSecure: undefined,
    nvram: undefined,
    nvramTemplate: undefined,
  };
  if (choice === 'bios') {
    writeOs(doc, { ...fixedPaths, firmware: undefined, firmwareFeatures: [] });
    return;
  }
  const secure = choice === 'efi-secure';
  writeOs(doc, {
    ...fixedPaths,
    firmware: 'efi',
    firmwareFeatures: [
      { name: 'enrolled-keys', enabled: secure },
      { name: 'secure-boot', enabled: secure },
    ],
  });
  // libvirt: "UEFI requires ACPI on this architecture" (x86).
  writeFields(documentRoot(doc), ACPI, { acpi: true });
  if (secure) writeFields(documentRoot(doc), SMM, { smm: true });
}

/** What the host offers for this VM's arch/machine (`virsh domcapabilities`' `<os>`). */
export interface FirmwareOffer {
  efi: boolean;
  secureBoot: boolean;
}

/** Reads `<os>` of `virsh domcapabilities` (for the VM's virttype, arch and machine). */
export function parseFirmwareOffer(domcaps: string): FirmwareOffer {
  const os = /<os supported='yes'>([\s\S]*?)<\/os>/.exec(domcaps)?.[1] ?? '';
  const firmware = /<enum name='firmware'>([\s\S]*?)<\/enum>/.exec(os)?.[1] ?? '';
  const secure = /<enum name='secure'>([\s\S]*?)<\/enum>/.exec(os)?.[1] ?? '';
  const efi = /<value>efi<\/value>/.test(firmware);
  return { efi, secureBoot: efi && /<value>yes<\/value>/.test(secure) };
}

/** Why the host cannot give this VM `choice` (an i18n code), or undefined when it can. */
export function firmwareRefusal(
  choice: FirmwareChoice,
  offer: FirmwareOffer,
  machine: string | undefined,
): 'firmware-no-ovmf' | 'firmware-no-secure' | 'firmware-needs-q35' | undefined {
  if (choice === 'bios') return undefined;
  if (!offer.efi) return 'firmware-no-ovmf';
  if (choice === 'efi-secure' && !/q35/.test(machine ?? '')) return 'firmware-needs-q35';
  if (choice === 'efi-secure' && !offer.secureBoot) return 'firmware-no-secure';
  return undefined;
}

/** The arch, machine and virt type to ask domcapabilities about. */
export function capsQuery(doc: XmlDocument): { virttype: string; arch?: string; machine?: string } {
  const os = readOs(doc);
  return {
    virttype: readGeneral(doc).type ?? 'kvm',
    ...(os.arch ? { arch: os.arch } : {}),
    ...(os.machine ? { machine: os.machine } : {}),
  };
}
