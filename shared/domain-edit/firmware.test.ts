import { describe, expect, it } from 'vitest';
import { parseDomainXml, serializeDomainXml } from '../xml/objects';
import { expectValid } from '../xml/testing/validate';
import { firmwareRefusal, parseFirmwareOffer, readFirmware, writeFirmware } from './firmware';

const BIOS = `<domain type='qemu'>
  <name>fw</name>
  <memory unit='MiB'>64</memory>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
    <boot dev='hd'/>
  </os>
  <devices/>
</domain>
`;

const CODE_LOADER = `<domain type='kvm'>
  <name>fw</name>
  <memory unit='MiB'>64</memory>
  <os>
    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
    <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>
    <nvram template='/usr/share/OVMF/OVMF_VARS_4M.ms.fd'>/var/lib/libvirt/qemu/nvram/fw_VARS.fd</nvram>
  </os>
  <features><acpi/><smm state='on'/></features>
  <devices/>
</domain>
`;

const Q35_CAPS = `<domainCapabilities><os supported='yes'><enum name='firmware'><value>efi</value></enum>
<loader supported='yes'><value>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</value>
<enum name='secure'><value>yes</value><value>no</value></enum></loader></os></domainCapabilities>`;
const PC_CAPS = Q35_CAPS.replace('<value>yes</value><value>no</value>', '<value>no</value>');
const NO_OVMF = `<domainCapabilities><os supported='yes'><loader supported='yes'>
<enum name='type'><value>rom</value></enum></loader></os></domainCapabilities>`;

describe('firmware', () => {
  it('BIOS → UEFI with Secure Boot: autoselection, the wanted features and SMM; valid for libvirt', () => {
    const doc = parseDomainXml(BIOS);
    expect(readFirmware(doc)).toBe('bios');
    writeFirmware(doc, 'efi-secure');
    const xml = serializeDomainXml(doc);
    expect(xml).toMatch(/<os firmware='efi'>/);
    expect(xml).toContain("<feature name='enrolled-keys' enabled='yes'/>");
    expect(xml).toContain("<feature name='secure-boot' enabled='yes'/>");
    expect(xml).toContain("<smm state='on'/>");
    expect(xml).toContain('<acpi/>');
    expect(readFirmware(parseDomainXml(xml))).toBe('efi-secure');
    expectValid(xml, 'domain');
  });

  it('fixed loader paths give way to autoselection; UEFI without Secure Boot says so', () => {
    const doc = parseDomainXml(CODE_LOADER);
    expect(readFirmware(doc)).toBe('efi-secure');
    writeFirmware(doc, 'efi');
    const xml = serializeDomainXml(doc);
    expect(xml).not.toContain('<loader');
    expect(xml).not.toContain('<nvram');
    expect(xml).toContain("<feature name='secure-boot' enabled='no'/>");
    expect(readFirmware(parseDomainXml(xml))).toBe('efi');
    expectValid(xml, 'domain');
  });

  it('UEFI → BIOS removes the firmware wishes and keeps the rest', () => {
    const doc = parseDomainXml(CODE_LOADER);
    writeFirmware(doc, 'bios');
    const xml = serializeDomainXml(doc);
    expect(xml).toMatch(/<os>\s*<type arch='x86_64' machine='pc-q35-7.2'>hvm<\/type>\s*<\/os>/);
    expect(readFirmware(parseDomainXml(xml))).toBe('bios');
  });

  it('refuses what the host cannot give, with the reason', () => {
    expect(parseFirmwareOffer(Q35_CAPS)).toEqual({ efi: true, secureBoot: true });
    expect(parseFirmwareOffer(PC_CAPS)).toEqual({ efi: true, secureBoot: false });
    expect(parseFirmwareOffer(NO_OVMF)).toEqual({ efi: false, secureBoot: false });
    expect(parseFirmwareOffer('')).toEqual({ efi: false, secureBoot: false });
    expect(firmwareRefusal('efi', parseFirmwareOffer(NO_OVMF), 'q35')).toBe('firmware-no-ovmf');
    expect(firmwareRefusal('efi-secure', parseFirmwareOffer(PC_CAPS), 'pc')).toBe('firmware-needs-q35');
    expect(firmwareRefusal('efi-secure', parseFirmwareOffer(PC_CAPS), 'q35')).toBe('firmware-no-secure');
    expect(firmwareRefusal('efi-secure', parseFirmwareOffer(Q35_CAPS), 'pc-q35-7.2')).toBeUndefined();
    expect(firmwareRefusal('bios', parseFirmwareOffer(NO_OVMF), 'pc')).toBeUndefined();
  });
});
