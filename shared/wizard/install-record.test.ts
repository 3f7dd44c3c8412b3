import { describe, expect, it } from 'vitest';
import type { NewVmPlan } from '../api/wizard';
import { buildNewDomain } from '../xml/build/new-domain';
import { serializeDomainXml } from '../xml/objects';
import { expectValid } from '../xml/testing/validate';
import { MiB } from '../xml/units';
import { finalFromInstall } from './after-install';
import { INSTALL_NS, readInstallRecord, withInstallRecord, type InstallRecord } from './install-record';
import { planToSpecs } from './plan-to-domain';
import { newVmPlan } from './testing/new-vm-plan';

const uuid = '00000000-0000-4000-8000-0000000000a1';
const plan: NewVmPlan = newVmPlan({
  uuid,
  name: 'vd-wz4-record',
  memoryBytes: 512 * MiB,
  media: { kind: 'cdrom', source: { pool: 'vd-images', volume: "it's & <x>.iso" } },
  customize: true,
});
const installXml = serializeDomainXml(buildNewDomain(planToSpecs(plan, { uuid }).install!));
const record: InstallRecord = {
  uuid,
  phase: { finalBoot: ['hd'], media: { pool: 'vd-images', volume: "it's & <x>.iso" } },
  created: [
    { pool: 'vd-images', volume: 'vd-wz4-record.qcow2' },
    { pool: 'vd-images', volume: 'vd-wz4-record-vmlinuz' },
  ],
};
// Another application's element, written the way libvirt prints metadata back.
const otherApp = '<app:tag xmlns:app="urn:example:app"><app:x a="1"/></app:tag>';

describe('the install record in a VM’s metadata', () => {
  it('round-trips what Begin and Cancel need, and the document stays valid', () => {
    const xml = withInstallRecord(installXml, record);
    expect(xml).toMatch(new RegExp(`xmlns:virtdesk=["']${INSTALL_NS}["']`));
    expect(readInstallRecord(xml)).toEqual({ state: 'ok', record });
    expectValid(xml, 'domain');
  });

  it('leaves other metadata as it was, and removing it leaves only that', () => {
    const withOther = installXml.replace('</metadata>', `  ${otherApp}\n  </metadata>`);
    const recorded = withInstallRecord(withOther, record);
    expect(recorded).toContain('libosinfo:os id=');
    expect(recorded).toContain(otherApp);
    expect(withInstallRecord(recorded, undefined)).toBe(withOther);
  });

  it('a phase-less record (import, cloud image, manual) keeps only the created volumes', () => {
    const bare: InstallRecord = { uuid, created: [{ pool: 'p', volume: 'v.qcow2' }] };
    expect(readInstallRecord(withInstallRecord(installXml, bare))).toEqual({ state: 'ok', record: bare });
  });

  it('is not taken from a clone (another UUID) and is reported when damaged', () => {
    const cloned = withInstallRecord(installXml, { ...record, uuid: '00000000-0000-4000-8000-0000000000b2' });
    expect(readInstallRecord(cloned)).toEqual({ state: 'none' });
    expect(readInstallRecord(installXml)).toEqual({ state: 'none' });
    const damaged = [
      withInstallRecord(installXml, record).replace(/dev=.hd./, "dev='floppy-of-doom'"),
      withInstallRecord(installXml, record).replace(/volume=.vd-wz4-record.qcow2./, "volume='../etc'"),
      withInstallRecord(installXml, record).replace(/ uuid='[^']*'/, ''),
    ];
    for (const xml of damaged) expect(readInstallRecord(xml).state).toBe('unreadable');
  });

  it('is gone from the document that stays defined after Begin installation', () => {
    const final = finalFromInstall(withInstallRecord(installXml, record), record.phase!);
    expect(final).not.toContain(INSTALL_NS);
    expect(final).toContain('libosinfo:os id=');
    expect(readInstallRecord(final)).toEqual({ state: 'none' });
    expectValid(final, 'domain');
  });
});
