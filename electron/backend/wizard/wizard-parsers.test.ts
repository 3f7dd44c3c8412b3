import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDomainCapabilities, parseGuestArches } from './parse-capabilities';
import { osDetailsFromChain, parseOsinfoDetect, parseOsinfoQuery, splitOsinfoChain } from './parse-osinfo';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const GiB = 1024 ** 3;

describe('host capabilities (recorded from the test host: libvirt 9.0, QEMU 7.2, TCG, OVMF)', () => {
  it('reads firmware, CPU modes and models, device models and features from domcapabilities', () => {
    const caps = parseDomainCapabilities(fixture('domcapabilities-q35-tcg.xml'));
    expect(caps).toMatchObject({ arch: 'x86_64', virtType: 'qemu', maxVcpus: expect.any(Number) });
    expect(caps.machine).toMatch(/q35/);
    expect(caps.firmware).toMatchObject({ bios: true, efi: true, secureBoot: true });
    expect(caps.firmware.loaders).toContain('/usr/share/OVMF/OVMF_CODE_4M.ms.fd');
    expect(caps.cpu.modes).toEqual(['maximum', 'host-model', 'custom']);
    expect(caps.cpu.hostModel).toBe('EPYC');
    expect(caps.cpu.models).toContainEqual({ name: 'qemu64', usable: true });
    expect(caps.devices.diskBuses).toEqual(['fdc', 'scsi', 'virtio', 'usb', 'sata']);
    expect(caps.devices.graphics).toEqual(expect.arrayContaining(['vnc', 'spice']));
    expect(caps.devices.tpmModels).toEqual(['tpm-tis', 'tpm-crb']);
    expect(caps.devices.tpmBackends).toContain('emulator');
    expect(caps.devices.video).toContain('virtio');
    expect(caps.features).toEqual(expect.arrayContaining(['vmcoreinfo', 'hyperv']));
    expect(caps.features).not.toContain('sev');
  });

  it('lists arches with machine types and virt types from capabilities', () => {
    const { hostArch, arches } = parseGuestArches(fixture('capabilities.xml'));
    expect(hostArch).toBe('x86_64');
    const x86 = arches.find((a) => a.arch === 'x86_64')!;
    expect(x86.machines).toEqual(expect.arrayContaining(['q35', 'pc']));
    expect(x86.virtTypes[0]).toBe(x86.virtTypes.includes('kvm') ? 'kvm' : 'qemu');
    expect(arches.map((a) => a.arch)).toContain('i686');
  });
});

describe('OS data from the host’s osinfo-db (osinfo-db 20221130)', () => {
  it('the OS table: every entry, end-of-life marked against today', () => {
    const entries = parseOsinfoQuery(fixture('osinfo-os-table.txt'), '2026-11-30');
    expect(entries.length).toBeGreaterThan(700);
    expect(entries.find((e) => e.shortId === 'linux2022')).toMatchObject({
      id: 'http://libosinfo.org/linux/2022',
      name: 'Generic Linux 2022',
      family: 'linux',
      eolDate: '2027-01-01',
      eol: false,
    });
    expect(entries.find((e) => e.shortId === 'debian11')).toMatchObject({ eol: false });
    expect(entries.find((e) => e.shortId === 'fedora20')).toMatchObject({ eol: true });
    // The db of Debian 12 does not know Debian 12.
    expect(entries.find((e) => e.shortId === 'debian12')).toBeUndefined();
  });

  it('parses osinfo-query’s padded table the same way', () => {
    const table = [
      ' Short ID | Name | Version | Family | Vendor | Release date | End of life | ID ',
      '----------+------+---------+--------+--------+--------------+-------------+----',
      ' alpinelinux3.10      | Alpine Linux 3.10   | 3.10     | linux   | Alpine Linux Project   | 2019-06-19   | 2021-05-01   | http://alpinelinux.org/alpinelinux/3.10 ',
    ].join('\n');
    expect(parseOsinfoQuery(table, '2026-01-01')).toEqual([
      {
        shortId: 'alpinelinux3.10',
        name: 'Alpine Linux 3.10',
        version: '3.10',
        family: 'linux',
        vendor: 'Alpine Linux Project',
        releaseDate: '2019-06-19',
        eolDate: '2021-05-01',
        id: 'http://alpinelinux.org/alpinelinux/3.10',
        eol: true,
      },
    ]);
  });

  it('generic Linux 2022: resources and virtio support inherited through Ubuntu’s chain', () => {
    const d = osDetailsFromChain(splitOsinfoChain(fixture('osinfo-chain-linux2022.txt')), 'x86_64');
    expect(d).toMatchObject({
      id: 'http://libosinfo.org/linux/2022',
      shortId: 'linux2022',
      windows: false,
      efiRequired: false,
      virtioDisk: true,
      virtioNet: true,
      virtioRng: true,
      usb3: true,
      q35: true,
    });
    expect(d.minimum).toMatchObject({ ramBytes: 2 * GiB, cpus: 1, storageBytes: 10 * GiB });
    expect(d.recommended).toMatchObject({ ramBytes: 4 * GiB, storageBytes: 25 * GiB });
    expect(d.sources[0]).toMatch(/libosinfo.org\/linux-2022.xml$/);
  });

  it('Windows 11: UEFI only, Windows, no virtio without drivers', () => {
    const d = osDetailsFromChain(splitOsinfoChain(fixture('osinfo-chain-win11.txt')), 'x86_64');
    expect(d).toMatchObject({ windows: true, efiRequired: true, virtioDisk: false });
    expect(d.minimum.ramBytes).toBe(4 * GiB);
  });

  it('an old OS without virtio: SATA/e1000e territory', () => {
    const d = osDetailsFromChain(splitOsinfoChain(fixture('osinfo-chain-freedos.txt')), 'x86_64');
    expect(d).toMatchObject({ virtioDisk: false, virtioNet: false, efiRequired: false });
  });

  it('osinfo-detect prose', () => {
    expect(parseOsinfoDetect('Media is bootable.\n')).toEqual({ bootable: true });
    expect(
      parseOsinfoDetect(
        "Media is bootable.\nMedia is an installer for OS 'Debian 11 (http://debian.org/debian/11)'\n",
      ),
    ).toEqual({ bootable: true, osName: 'Debian 11', osId: 'http://debian.org/debian/11' });
  });
});
